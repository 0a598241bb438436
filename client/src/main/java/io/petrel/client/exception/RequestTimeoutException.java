package io.petrel.client.exception;

/** A request/reply call whose reply did not arrive in time, or whose request could not be sent. */
public class RequestTimeoutException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int responseCode;
    private final String errorMessage;

    public RequestTimeoutException(String errorMessage, Throwable cause) {
        super(errorMessage, cause);
        this.responseCode = -1;
        this.errorMessage = errorMessage;
    }

    public RequestTimeoutException(int responseCode, String errorMessage) {
        super("CODE: " + responseCode + "  DESC: " + errorMessage);
        this.responseCode = responseCode;
        this.errorMessage = errorMessage;
    }

    public int getResponseCode() {
        return responseCode;
    }

    public String getErrorMessage() {
        return errorMessage;
    }
}
