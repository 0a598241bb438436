package io.petrel.common.heartbeat;

/** Every consumer of a group gets every message (broadcasting), or each message goes to one (clustering). */
public enum MessageModel {
    BROADCASTING, CLUSTERING
}
