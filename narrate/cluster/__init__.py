"""narrate on many machines: a Celery cluster with a Redis broker and a shared object store.

    app         the Celery app and the settings that make it lose nothing
    store       content-addressed objects in S3 or a shared folder, written put-if-absent
    remote      a Synthesizer whose voices are the workers
    tasks       what a worker does: speak a sentence, narrate a submitted article
    throughput  work done per minute, counted in Redis
    status      workers, queues and throughput for `narrate cluster status`

Optional: `pip install 'narrate[cluster]'`. Without a broker none of this is imported.
"""
