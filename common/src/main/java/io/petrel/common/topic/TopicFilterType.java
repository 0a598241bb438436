package io.petrel.common.topic;

/** How a topic's messages are tagged; travels by name ({@code "SINGLE_TAG"}) in topic configs. */
public enum TopicFilterType {
    SINGLE_TAG,
    MULTI_TAG
}
