package io.newswire.ingest.sources;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import io.newswire.common.Setting;
import io.newswire.ingest.formats.RejectedInputException;

/**
 * Outbound GETs of feeds and of the pages their entries link to, which whoever writes a feed entry
 * chooses. Only http and https; no loopback, link-local, private, carrier-grade NAT, unspecified or
 * multicast address unless {@code fetch.allow.private} says so (an entry's link must not read the
 * internal network into {@code news.raw}); redirects are followed by hand, at most {@value #MAX_REDIRECTS},
 * each target checked again; a connect timeout, one deadline for headers and body together (a server
 * that trickles a byte at a time is cut off), and a size cap, read no further. The address is checked
 * when the host is resolved; a name that resolves elsewhere a moment later (DNS rebinding) is not caught,
 * as the JDK's client offers no way to pin the address it connects to.
 */
public final class SafeFetch {

    public static final Setting<Boolean> ALLOW_PRIVATE = new Setting<>("fetch.allow.private", "false",
            Setting::bool, "let feeds and linked pages be fetched from loopback and private addresses");
    static final int MAX_REDIRECTS = 5;
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "newswire-fetch-deadline");
        t.setDaemon(true);
        return t;
    });

    /** What came back: the status, the headers, and the body (empty unless 200). */
    public record Response(int status, HttpHeaders headers, byte[] body) {
    }

    private final HttpClient http;
    private final boolean allowPrivate;
    private final Duration deadline;

    public SafeFetch(boolean allowPrivate, Duration connectTimeout, Duration deadline) {
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(connectTimeout)
                .build();
        this.allowPrivate = allowPrivate;
        this.deadline = deadline;
    }

    /**
     * @param headers  request headers (conditional GET)
     * @param maxBytes the most body read; a larger one is refused
     * @throws RejectedInputException for a refused address or scheme, too many redirects, or a body too large
     * @throws IOException            for network failures and the deadline
     */
    public Response get(URI uri, Map<String, String> headers, long maxBytes) throws IOException, InterruptedException {
        long until = System.nanoTime() + deadline.toNanos();
        URI at = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            check(at);
            HttpRequest.Builder request = HttpRequest.newBuilder(at).timeout(remaining(until)).GET();
            headers.forEach(request::header);
            HttpResponse<InputStream> response;
            try {
                response = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream())
                        .get(remaining(until).toNanos(), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            } catch (TimeoutException e) {
                throw new IOException("no answer from " + at.getHost() + " within " + deadline.toSeconds() + " s");
            }
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                response.body().close();
                String location = response.headers().firstValue("Location")
                        .orElseThrow(() -> new IOException("HTTP " + status + " without a Location"));
                at = at.resolve(location);
                continue;
            }
            if (status != 200) {
                response.body().close();
                return new Response(status, response.headers(), new byte[0]);
            }
            return new Response(status, response.headers(), read(response.body(), maxBytes, until, at));
        }
        throw new RejectedInputException("more than " + MAX_REDIRECTS + " redirects from " + uri);
    }

    private byte[] read(InputStream body, long maxBytes, long until, URI at) throws IOException {
        // Closing the stream at the deadline ends a read that a trickling server keeps waiting.
        ScheduledFuture<?> cut = DEADLINES.schedule(() -> {
            try {
                body.close();
            } catch (IOException e) {
                // closing is all that was wanted
            }
        }, Math.max(1, remaining(until).toMillis()), TimeUnit.MILLISECONDS);
        try (body) {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new RejectedInputException("response from " + at.getHost() + " larger than " + maxBytes + " bytes");
            }
            if (System.nanoTime() > until) {
                throw new IOException("response from " + at.getHost() + " not read within " + deadline.toSeconds() + " s");
            }
            return bytes;
        } catch (IOException e) {
            if (System.nanoTime() > until) {
                throw new IOException("response from " + at.getHost() + " not read within " + deadline.toSeconds() + " s");
            }
            throw e;
        } finally {
            cut.cancel(false);
        }
    }

    private static Duration remaining(long until) {
        long left = until - System.nanoTime();
        return Duration.ofNanos(Math.max(left, 1_000_000));
    }

    /** @throws RejectedInputException when the URI may not be fetched */
    void check(URI uri) throws UnknownHostException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RejectedInputException("refused to fetch " + uri + ": only http and https");
        }
        if (uri.getHost() == null) {
            throw new RejectedInputException("refused to fetch " + uri + ": no host");
        }
        if (allowPrivate) {
            return;
        }
        for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
            if (isInternal(address)) {
                throw new RejectedInputException("refused to fetch " + uri + ": " + uri.getHost() + " is "
                        + address.getHostAddress() + ", an internal address (set fetch.allow.private=true to allow)");
            }
        }
    }

    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xFF;
            int second = b[1] & 0xFF;
            return first == 0 || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    || (first == 198 && (second == 18 || second == 19)) || first >= 240;
        }
        if (a instanceof Inet6Address) {
            return (b[0] & 0xFE) == 0xFC; // unique local fc00::/7
        }
        return false;
    }

}
