"""`narrate worker`, `narrate submit`, `narrate cluster status`: a thin shell over
narrate.cluster. Registered in narrate.cli.commands; errors leave as one line through its
`_errors`. celery is imported only when one of these commands runs.
"""

from __future__ import annotations

import logging
import socket
import uuid
from typing import Annotated

import typer

from narrate.cli.console import errors, say

Broker = Annotated[
    str,
    typer.Option(
        envvar="NARRATE_BROKER",
        help="The cluster's Redis URL, e.g. redis://10.0.0.5:6379/0.",
        show_default=False,
    ),
]
Store = Annotated[
    str,
    typer.Option(
        envvar="NARRATE_STORE",
        help="The shared store: s3://bucket/prefix (endpoint and keys from AWS_* variables) "
        "or file:///shared/folder.",
        show_default=False,
    ),
]
Debug = Annotated[bool, typer.Option(help="Show tracebacks and debug logs.")]

cluster_app = typer.Typer(
    add_completion=False,
    rich_markup_mode="rich",
    no_args_is_help=True,
    help="Look at the cluster: workers, queues, throughput.",
)


def worker_command(
    broker: Broker,
    concurrency: Annotated[
        int | None,
        typer.Option(
            "--concurrency",
            "-c",
            help="Worker processes, each with its voice.",
            min=1,
            show_default="all cores",
        ),
    ] = None,
    queues: Annotated[
        str,
        typer.Option(
            help="Queues to take work from, comma-separated: interactive sentences "
            "first, then batch work."
        ),
    ] = "narrate.interactive,narrate.batch",
    voice: Annotated[
        str | None, typer.Option(help="The voice each process loads at its start.")
    ] = None,
    name: Annotated[
        str, typer.Option(help="This worker's name in the cluster (unique per worker).")
    ] = "",
    events: Annotated[
        bool, typer.Option("--events", help="Send task events, which Flower's task pages show.")
    ] = False,
    visibility_timeout: Annotated[
        int,
        typer.Option(
            help="Seconds after which the work of a worker that vanished goes to another "
            "(give every worker the same).",
            min=1,
        ),
    ] = 15,
    debug: Debug = False,
) -> None:
    """Speak sentences for the cluster until stopped (a Celery worker: prefork, prefetch 1)."""
    with errors(debug):
        from narrate.cluster.celeryapp import check_broker
        from narrate.cluster.tasks import worker_app
        from narrate.settings import default_jobs
        from narrate.speech.catalog import find_voice

        logging.getLogger("narrate").setLevel(logging.DEBUG if debug else logging.INFO)
        find_voice(voice)  # a voice not on this machine: one line now, not a pool that dies
        app = worker_app(broker, visibility_timeout)
        check_broker(app)
        _preload_in_each_process(voice)
        app.conf.worker_proc_alive_timeout = 120  # a first start may optimise the voice model
        app.worker_main([
            "worker", f"--concurrency={concurrency or default_jobs()}", f"--queues={queues}",
            "--optimization=fair", "--prefetch-multiplier=1", "--without-gossip",
            "--without-mingle", f"--loglevel={'DEBUG' if debug else 'INFO'}",
            f"--hostname={name or f'narrate-{uuid.uuid4().hex[:6]}@{socket.gethostname()}'}",
            *(["--task-events"] if events else []),
        ])  # fmt: skip


def _preload_in_each_process(voice: str | None) -> None:
    from celery.signals import worker_process_init

    from narrate.cluster.tasks import preload

    def load(**_: object) -> None:
        preload(voice)

    worker_process_init.connect(load, weak=False)


def submit_command(
    sources: Annotated[list[str], typer.Argument(help="Article URLs.", metavar="URL...")],
    broker: Broker,
    store: Store,
    voice: Annotated[str | None, typer.Option(help="Voice name (as the workers know it).")] = None,
    rate: Annotated[float, typer.Option(help="Speaking speed.", min=0.25, max=4.0)] = 1.0,
    force: Annotated[
        bool, typer.Option("--force", help="Narrate pages that do not look like articles.")
    ] = False,
    allow_private: Annotated[
        bool,
        typer.Option(
            "--allow-private",
            envvar="NARRATE_ALLOW_PRIVATE",
            help="Let the workers fetch these URLs, and what they lead to, from loopback or "
            "private addresses (the workers' own network).",
        ),
    ] = False,
    debug: Debug = False,
) -> None:
    """Queue articles for narration and return at once; each job's result appears in the store
    as jobs/ID.json (title, duration, and where its MP3 is)."""
    with errors(debug):
        from narrate.cluster.celeryapp import ARTICLE_TASK, BATCH, check_broker, make_app
        from narrate.cluster.objectstore import Store as SharedStore

        app = make_app(broker)
        check_broker(app)
        shared = SharedStore(store)
        shared.check()
        options = {"voice": voice, "speech": {"rate": rate}, "force": force,
                   "allow_private": allow_private}  # fmt: skip
        for source in sources:
            job = uuid.uuid4().hex
            app.send_task(ARTICLE_TASK, [source, options, shared.url, job], queue=BATCH)
            typer.echo(f"{job}\t{source}\t{shared.url}/jobs/{job}.json")


@cluster_app.command("status")
def status_command(broker: Broker, debug: Debug = False) -> None:
    """Workers, queue lengths and the work done in the last ten minutes."""
    with errors(debug):
        from narrate.cluster.celeryapp import make_app
        from narrate.cluster.status import gather

        status = gather(make_app(broker))
        typer.echo(f"broker: {status.broker}")
        typer.echo(f"workers: {len(status.workers)}")
        for worker in status.workers:
            typer.echo(f"  {worker.name}\t{worker.processes} processes\t{worker.busy} busy\t"
                       f"{worker.done} tasks done")  # fmt: skip
        queues = ", ".join(f"{queue} {count}" for queue, count in status.queued.items())
        typer.echo(f"queued: {queues}; taken, not yet done: {status.in_flight}")
        minutes = len(status.sentences_per_minute)
        sentences, articles = sum(status.sentences_per_minute), sum(status.articles_per_minute)
        typer.echo(f"last {minutes} minutes: {sentences} sentences ({sentences / minutes:.1f} a "
                   f"minute), {articles} submitted articles")  # fmt: skip
        if not status.workers:
            say("narrate: no worker answered: start some with 'narrate worker --broker URL'")


def register(app: typer.Typer) -> None:
    """Add the cluster's commands to narrate's subcommands."""
    app.command("worker")(worker_command)
    app.command("submit")(submit_command)
    app.add_typer(cluster_app, name="cluster")
