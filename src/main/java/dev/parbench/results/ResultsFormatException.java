package dev.parbench.results;

/** Input that is not readable JMH JSON (or env.json): the message is one line naming the file and the problem. */
public final class ResultsFormatException extends RuntimeException {
    public ResultsFormatException(String message) {
        super(message);
    }

    public ResultsFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
