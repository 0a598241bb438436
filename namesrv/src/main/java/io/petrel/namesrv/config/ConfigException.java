package io.petrel.namesrv.config;

/** A setting has a bad value; the message names the key. Start-up stops on it. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
