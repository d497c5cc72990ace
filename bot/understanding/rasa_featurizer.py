"""The sentence encoder as a Rasa NLU featurizer: each message's meaning as a dense sentence
feature, beside the word and character counts.

    - name: bot.understanding.rasa_featurizer.SentenceEncoderFeaturizer
      scale: 4.0

This is the one module of `bot.understanding` that imports Rasa. The encoder itself is
shared with the rest of the process (`shared_encoder()`), so the risk screen and the
actions read the same vectors without loading the model again. Nothing is trained here:
the weights come from the encoder's own files, which are part of the model's fingerprint
(bot/training.py)."""

from __future__ import annotations

from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from encoder.encoder import read, shared_encoder


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False)
class SentenceEncoderFeaturizer(DenseFeaturizer, GraphComponent):
    """Adds the encoder's vector of each message's text as a dense sentence feature."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        # The vector has unit length; the counts beside it are whole numbers, so the
        # classifier sees the meaning only if it is scaled up to weigh as much.
        return {**DenseFeaturizer.get_default_config(), "scale": 1.0}

    def __init__(self, config: dict[str, Any], name: str) -> None:
        super().__init__(name, config)
        self._scale = float(config["scale"])
        shared_encoder()  # load (and check) the weights with the model, not on a message

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        if float(config.get("scale", 1.0)) <= 0:
            raise ValueError("SentenceEncoderFeaturizer: scale must be above 0")

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SentenceEncoderFeaturizer:
        return cls(config, execution_context.node_name)

    def process(self, messages: list[Message]) -> list[Message]:
        """A message as it arrives: read whole and by sentence, as the risk screen will
        read it next (the reading is shared, so it is encoded once)."""
        for message in messages:
            if message.get(TEXT):
                self._add(message, read(shared_encoder(), message.get(TEXT)).whole)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self._featurize([m for m in training_data.training_examples if m.get(TEXT)])
        return training_data

    def _featurize(self, messages: list[Message]) -> None:
        """All the messages in one call, so the encoder batches them."""
        vectors = shared_encoder().encode([message.get(TEXT) for message in messages])
        for message, vector in zip(messages, vectors, strict=True):
            self._add(message, vector)

    def _add(self, message: Message, vector: np.ndarray) -> None:
        sentence = (vector * self._scale)[np.newaxis, :]
        self.add_features_to_message(None, sentence, TEXT, message)
