"""The voice graph rewritten: 2-D convolutions give the same output, from ONNX Runtime itself;
the phoneme durations become an output."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnx
import onnxruntime
import pytest
from onnx import TensorProto, helper, numpy_helper

from narrate.speech.voicegraph import rewrite

RANDOM = np.random.default_rng(7)


def _weights(name: str, *shape: int) -> TensorProto:
    scale = 1 / np.sqrt(np.prod(shape[1:]))  # outputs about as large as the inputs
    return numpy_helper.from_array((RANDOM.standard_normal(shape) * scale).astype(np.float32), name)


def _model(opset: int) -> onnx.ModelProto:
    """A small decoder-like stack: a dilated, padded conv with a bias; a strided one without;
    a conv sharing the first one's weights; a residual add; a leaky ReLU between them."""
    nodes = [
        helper.make_node(
            "Conv", ["x", "w", "b"], ["a"], dilations=[2], pads=[2, 2], kernel_shape=[3]
        ),
        helper.make_node("LeakyRelu", ["a"], ["r"], alpha=0.1),
        helper.make_node("Conv", ["r", "w", "b"], ["c"], dilations=[2], pads=[2, 2]),
        helper.make_node("Add", ["c", "x"], ["s"]),
        helper.make_node("Conv", ["s", "v"], ["y"], strides=[2], pads=[3, 3]),
    ]
    graph = helper.make_graph(
        nodes,
        "decoder",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 16, "time"])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 8, None])],
        [_weights("w", 16, 16, 3), _weights("b", 16), _weights("v", 8, 16, 7)],
    )
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)])


def _run(model: bytes, x: np.ndarray) -> np.ndarray:
    session = onnxruntime.InferenceSession(model, providers=["CPUExecutionProvider"])
    return np.asarray(session.run(None, {"x": x})[0])


@pytest.mark.parametrize("opset", [11, 15])  # Squeeze's axes: an attribute, then an input
def test_the_rewritten_model_computes_the_same(tmp_path: Path, opset: int) -> None:
    path = tmp_path / "model.onnx"
    onnx.save(_model(opset), path)
    rewritten = rewrite(path)
    x = RANDOM.standard_normal((1, 16, 501)).astype(np.float32)
    expected, got = _run(path.read_bytes(), x), _run(rewritten, x)
    assert got.shape == expected.shape == (1, 8, 251)
    assert np.allclose(got, expected, rtol=1e-4, atol=1e-5)
    model = onnx.load_from_string(rewritten)
    onnx.checker.check_model(model)
    weights = {tensor.name: tensor for tensor in model.graph.initializer}
    convs = [node for node in model.graph.node if node.op_type == "Conv"]
    assert len(convs) == 3
    assert all(len(weights[conv.input[1]].dims) == 4 for conv in convs)
    assert "w" not in weights and "v" not in weights  # the 1-D weights are not kept as well


def test_the_durations_become_an_output_and_a_model_with_neither_is_refused(
    tmp_path: Path,
) -> None:
    def model(op: str) -> onnx.ModelProto:
        graph = helper.make_graph(
            [helper.make_node(op, ["x"], ["d"]), helper.make_node("Relu", ["d"], ["y"])],
            "durations",
            [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 4])],
            [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 4])],
        )
        return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 15)])

    path = tmp_path / "ceil.onnx"
    onnx.save(model("Ceil"), path)
    x = np.array([[0.2, 1.5, -0.5, 3.0]], dtype=np.float32)
    session = onnxruntime.InferenceSession(rewrite(path, conv2d=False))
    _, durations = session.run(None, {"x": x})
    assert durations.tolist() == [[1.0, 2.0, -0.0, 3.0]]
    onnx.save(model("Floor"), path)
    with pytest.raises(ValueError, match="nothing to rewrite"):
        rewrite(path)
