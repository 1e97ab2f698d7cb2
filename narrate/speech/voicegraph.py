"""The voice model's graph, rewritten once per machine (piper.py keeps and checks the result).

- Its 1-D convolutions run as 2-D ones, one sample high. ONNX Runtime has its fastest CPU
  convolution kernels (blocked "NCHWc" layouts) only for 2-D convolutions, and a Piper voice's
  decoder, most of the synthesis time, is a stack of 1-D ones: run as 2-D they take about a
  tenth less time here (benchmarks/bench_voice.py). Each such Conv becomes Unsqueeze -> Conv ->
  Squeeze with the same weights, so the arithmetic is the same up to float rounding.
- The phoneme durations the model computes (its one Ceil) become an output, as Piper's own
  patch_voice_with_alignment does: they place every word in the audio (piper.py).

The only module that imports onnx.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

_PREFIX = "narrate.2d/"  # names of what is added, apart from anything the exporter names
_HEIGHT = _PREFIX + "height_axis"


def rewrite(model: Path, conv2d: bool = True) -> bytes:
    """The model with its phoneme durations as an output and, if `conv2d`, every 1-D
    convolution of constant weights as a 2-D one. ValueError when neither can be done."""
    import onnx
    from piper.patch_voice_with_alignment import add_alignment_output

    loaded = onnx.load(str(model))
    changed = conv2d and _conv1d_as_2d(loaded)
    try:
        add_alignment_output(loaded)
        changed = True
    except ValueError:  # no Ceil, or it is an output already
        pass
    if not changed:
        raise ValueError(f"{model.name}: nothing to rewrite")
    return bytes(loaded.SerializeToString())


def _conv1d_as_2d(loaded: Any) -> bool:
    """Rewrite every 1-D convolution of constant weights as a 2-D one; whether there was one."""
    import onnx

    graph = loaded.graph
    opset = next((o.version for o in loaded.opset_import if o.domain in ("", "ai.onnx")), 0)
    weights = {tensor.name: tensor for tensor in graph.initializer}
    flat = {name for name, tensor in weights.items() if len(tensor.dims) == 3}
    tall: dict[str, Any] = {}  # 1-D weight name -> its 2-D copy
    nodes = []
    for node in graph.node:
        standard = node.domain in ("", "ai.onnx")
        if node.op_type != "Conv" or not standard or node.input[1] not in flat:
            nodes.append(node)
            continue
        if node.input[1] not in tall:
            tall[node.input[1]] = _taller(weights[node.input[1]])
        nodes.extend(_as_2d(node, tall[node.input[1]].name, opset))
    if not tall:
        return False
    still_used = {name for node in nodes for name in node.input}
    kept = [t for t in graph.initializer if t.name in still_used]
    del graph.initializer[:]
    graph.initializer.extend([*kept, *tall.values()])
    if opset >= 13:  # Squeeze and Unsqueeze take their axes as an input since opset 13
        graph.initializer.append(onnx.helper.make_tensor(_HEIGHT, onnx.TensorProto.INT64, [1], [2]))
    del graph.node[:]
    graph.node.extend(nodes)
    return True


def _taller(weight: Any) -> Any:
    """(out, in, width) weights as (out, in, 1, width)."""
    from onnx import numpy_helper

    array = numpy_helper.to_array(weight)
    return numpy_helper.from_array(array[:, :, None, :], _PREFIX + weight.name)


def _as_2d(node: Any, weight: str, opset: int) -> list[Any]:
    """Unsqueeze -> 2-D Conv -> Squeeze, in place of a 1-D Conv."""
    from onnx import helper

    attributes = {a.name: helper.get_attribute_value(a) for a in node.attribute}
    for name in ("kernel_shape", "dilations", "strides"):
        if name in attributes:
            attributes[name] = [1, *attributes[name]]
    if "pads" in attributes:  # [begin, end] -> [top, begin, bottom, end]
        begin, end = attributes["pads"]
        attributes["pads"] = [0, begin, 0, end]
    wide, wide_out = _PREFIX + node.output[0] + "/in", _PREFIX + node.output[0] + "/out"

    def reshape(op: str, source: str, target: str) -> Any:
        if opset >= 13:
            return helper.make_node(op, [source, _HEIGHT], [target])
        return helper.make_node(op, [source], [target], axes=[2])

    conv = helper.make_node(
        "Conv", [wide, weight, *node.input[2:]], [wide_out], name=node.name, **attributes
    )
    return [
        reshape("Unsqueeze", node.input[0], wide),
        conv,
        reshape("Squeeze", wide_out, node.output[0]),
    ]
