package io.taskstream.support;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 written on a socket as given, for requests Java's URI and HttpClient refuse to send (a malformed escape,
 * a forged {@code Host}, a bad request line) and for reading a response exactly as the server wrote it.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** Sends the request (ASCII, with its own {@code Connection: close}) and returns the whole response. */
    public static String send(int port, String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The status line and headers of a response, lower case. */
    public static String head(String response) {
        return response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
    }
}
