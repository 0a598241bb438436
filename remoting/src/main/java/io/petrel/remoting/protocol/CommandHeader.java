package io.petrel.remoting.protocol;

/**
 * A typed request or response header. On the wire its fields travel as the command's string map
 * ({@code extFields}), keyed by the field names RocketMQ uses. Each header writes its own fields
 * explicitly; decoding is a static factory on the header taking an {@link ExtFields}.
 */
public interface CommandHeader {
    /**
     * A header with no fields: a command carrying it travels with an empty ext-field map
     * ({@code "extFields":{}}), as 4.9.7 peers send many acknowledgements.
     */
    CommandHeader EMPTY = out -> { };

    /** Writes every non-null field, in declaration order. */
    void writeTo(HeaderWriter out);

    /**
     * Whether the ROCKETMQ codec writes this header's fields first, in declaration order, ahead of the
     * command's other ext fields (true for the pull and send headers, as 4.9.7 peers do); otherwise the
     * fields are merged into the ext-field map and written in its order.
     */
    default boolean fieldsFirstOnWire() {
        return false;
    }
}
