package io.petrel.common.body;

/** How a consumer handled a message pushed to it by CONSUME_MESSAGE_DIRECTLY. Names as on the wire. */
public enum CMResult {
    CR_SUCCESS,
    CR_LATER,
    CR_ROLLBACK,
    CR_COMMIT,
    CR_THROW_EXCEPTION,
    CR_RETURN_NULL
}
