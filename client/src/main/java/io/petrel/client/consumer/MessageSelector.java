package io.petrel.client.consumer;

/** A subscription filter: a tag expression ({@code TagA || TagB}, {@code *}) or an SQL92 expression. */
public final class MessageSelector {
    private final String type;
    private final String expression;

    private MessageSelector(String type, String expression) {
        this.type = type;
        this.expression = expression;
    }

    public static MessageSelector bySql(String sql) {
        return new MessageSelector("SQL92", sql);
    }

    public static MessageSelector byTag(String tag) {
        return new MessageSelector("TAG", tag);
    }

    public String getExpressionType() {
        return type;
    }

    public String getExpression() {
        return expression;
    }

    /** The tag expression to subscribe with ({@code *} for no selector); SQL92 is refused: this client lacks it. */
    static String tagExpression(MessageSelector selector) throws io.petrel.client.exception.MQClientException {
        if (selector == null) {
            return "*";
        }
        if (!"TAG".equals(selector.type)) {
            throw new io.petrel.client.exception.MQClientException(
                "SQL92 message selectors are not supported by this client", null);
        }
        return selector.expression;
    }
}
