package io.petrel.client.exception;

/**
 * A client-side failure: bad arguments, a client in the wrong state, no route, or a broker answer the client cannot
 * use. {@link #getResponseCode()} is the broker's response code when one caused it, -1 otherwise.
 */
public class MQClientException extends Exception {
    private static final long serialVersionUID = 1L;

    private int responseCode;
    private final String errorMessage;

    public MQClientException(String errorMessage, Throwable cause) {
        super(errorMessage, cause);
        this.responseCode = -1;
        this.errorMessage = errorMessage;
    }

    public MQClientException(int responseCode, String errorMessage) {
        super("CODE: " + responseCode + "  DESC: " + errorMessage);
        this.responseCode = responseCode;
        this.errorMessage = errorMessage;
    }

    public MQClientException(int responseCode, String errorMessage, Throwable cause) {
        super("CODE: " + responseCode + "  DESC: " + errorMessage, cause);
        this.responseCode = responseCode;
        this.errorMessage = errorMessage;
    }

    public int getResponseCode() {
        return responseCode;
    }

    /** Sets the code that classifies this failure (a broker code or a {@code ClientErrorCode}); returns this. */
    public MQClientException setResponseCode(int responseCode) {
        this.responseCode = responseCode;
        return this;
    }

    public String getErrorMessage() {
        return errorMessage;
    }
}
