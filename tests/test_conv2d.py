"""1-D convolutions rewritten as 2-D ones: the same output, from ONNX Runtime itself."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnx
import onnxruntime
import pytest
from onnx import TensorProto, helper, numpy_helper

from narrate.conv2d import conv1d_as_2d

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
    rewritten = conv1d_as_2d(path)
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


def test_a_model_without_1d_convolutions_is_refused(tmp_path: Path) -> None:
    graph = helper.make_graph(
        [helper.make_node("Relu", ["x"], ["y"])],
        "plain",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 4])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 4])],
    )
    path = tmp_path / "plain.onnx"
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 15)]), path)
    with pytest.raises(ValueError, match="no 1-D convolution"):
        conv1d_as_2d(path)
