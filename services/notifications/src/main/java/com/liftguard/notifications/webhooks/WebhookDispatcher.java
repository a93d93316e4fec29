package com.liftguard.notifications.webhooks;

import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Sends due webhook deliveries: claims up to a batch of them, POSTs them concurrently (one slow receiver
 * does not hold up the others' coaches), and records each outcome. A 2xx answer delivers; anything else
 * (another status, a timeout, a refused connection) is retried with exponential backoff until the last
 * allowed attempt, after which the delivery is dead-lettered. A target that now resolves to a refused
 * address, or a webhook removed meanwhile, dead-letters it at once: retrying cannot help.
 *
 * <p>The POST goes to the address the target guard vetted for this attempt, with the URL's host in the
 * request (Host header, TLS server name and certificate check): the client never resolves the name again,
 * so a name that answers differently a moment later cannot send it to an internal address. Redirects are
 * not followed: a redirect to an internal address would get around the target guard.
 */
@ApplicationScoped
public class WebhookDispatcher {
    public static final String DELIVERY_HEADER = "Liftguard-Delivery";
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final String USER_AGENT = "Liftguard-Webhooks/1";
    /** Beyond the POST's own timeout: name resolution and the MongoDB writes around it. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    @Inject
    WebhooksConfig config;

    @Inject
    WebhookStore webhooks;

    @Inject
    WebhookDeliveryStore deliveries;

    @Inject
    WebhookTargetGuard guard;

    @Inject
    Clock clock;

    @Inject
    Vertx vertx;

    private ExecutorService senders;
    private HttpClient http;
    private WebhookBackoff backoff;

    @PostConstruct
    void start() {
        senders = Executors.newVirtualThreadPerTaskExecutor();
        http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.timeout().toMillis())
                .setVerifyHost(true)
                .setForceSni(true), new PoolOptions().setHttp1MaxSize(config.batchSize()));
        backoff = new WebhookBackoff(config.initialBackoff(), config.maxBackoff());
    }

    @PreDestroy
    void stop() {
        senders.shutdownNow();
        http.close();
    }

    @Scheduled(identity = "webhook-dispatcher", every = "${liftguard.webhooks.dispatch-interval:PT1S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatch() {
        // a full batch suggests a backlog: go on with the next one rather than wait for the next tick
        while (dispatchBatch() == config.batchSize() && !Thread.currentThread().isInterrupted()) {
            LOG.debug("a full batch of webhook deliveries was due; dispatching the next one");
        }
    }

    /** Claims and sends up to a batch of due deliveries; returns how many were claimed. */
    int dispatchBatch() {
        Instant now = now();
        // a sender that dies keeps its claims only this long; then another instance (or run) retries them
        Instant leaseUntil = now.plus(config.timeout().multipliedBy(2)).plus(LEASE_MARGIN);
        List<WebhookDelivery> claimed = new ArrayList<>();
        while (claimed.size() < config.batchSize()) {
            Optional<WebhookDelivery> next = deliveries.claimDue(now, leaseUntil);
            if (next.isEmpty()) {
                break;
            }
            claimed.add(next.get());
        }
        List<Future<?>> attempts = new ArrayList<>();
        for (WebhookDelivery delivery : claimed) {
            attempts.add(senders.submit(() -> attempt(delivery)));
        }
        for (Future<?> attempt : attempts) {
            try {
                attempt.get();
            } catch (InterruptedException e) {
                // shutting down: what is unfinished stays claimed until its lease runs out, then is retried
                Thread.currentThread().interrupt();
                return claimed.size();
            } catch (ExecutionException e) {
                // a MongoDB failure recording the outcome: the lease runs out and the delivery is retried
                LOG.error("a webhook delivery could not be recorded", e.getCause());
            }
        }
        return claimed.size();
    }

    void attempt(WebhookDelivery delivery) {
        Optional<Webhook> webhook = webhooks.find(delivery.tenant(), delivery.coachId());
        if (webhook.isEmpty()) {
            giveUp(delivery, "the coach's webhook was removed");
            return;
        }
        WebhookTargetGuard.Vetted target;
        try {
            target = guard.vet(delivery.url());
        } catch (UnknownHostException e) {
            failed(delivery, "the host does not resolve: " + URI.create(delivery.url()).getHost());
            return;
        }
        if (target.refusal().isPresent()) {
            giveUp(delivery, "url " + target.refusal().get());
            return;
        }
        try {
            int status = post(delivery, webhook.get().secret(), target.address());
            if (status / 100 == 2) {
                deliveries.delivered(delivery, now());
            } else {
                failed(delivery, "HTTP " + status);
            }
        } catch (TimeoutException e) {
            failed(delivery, "no answer within " + config.timeout());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TimeoutException) { // the request's timeout (Vert.x's is one too)
                failed(delivery, "no answer within " + config.timeout());
            } else {
                failed(delivery, cause.getMessage() == null ? cause.getClass().getSimpleName()
                        : cause.getClass().getSimpleName() + ": " + cause.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * POSTs the delivery to {@code address} (the one the guard vetted) with the URL's host, port, path and
     * query in the request; the status code. The secret is the webhook's as it is now: a rotated secret
     * signs what was enqueued before. The answer's body is read and dropped.
     */
    private int post(WebhookDelivery delivery, String secret, InetAddress address)
            throws InterruptedException, ExecutionException, TimeoutException {
        String signature = WebhookSigner.signature(secret, clock.instant().getEpochSecond(), delivery.body());
        URI url = URI.create(delivery.url());
        boolean tls = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() != -1 ? url.getPort() : tls ? 443 : 80;
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(url.getHost()) // an IPv6 literal keeps its brackets, as the Host header needs
                .setPort(port)
                .setSsl(tls)
                .setURI(url.getRawQuery() == null ? path : path + "?" + url.getRawQuery())
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setFollowRedirects(false)
                .setTimeout(config.timeout().toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", USER_AGENT)
                .putHeader(WebhookSigner.HEADER, signature)
                .putHeader(DELIVERY_HEADER, delivery.id());
        Buffer body = Buffer.buffer(delivery.body().getBytes(StandardCharsets.UTF_8));
        return http.request(request)
                .compose(req -> req.send(body))
                .compose(response -> {
                    response.handler(ignored -> { });
                    return response.end().map(done -> response.statusCode());
                })
                .toCompletionStage().toCompletableFuture()
                .get(config.timeout().multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS);
    }

    private void failed(WebhookDelivery delivery, String error) {
        int failures = delivery.attempts() + 1;
        if (failures >= config.maxAttempts()) {
            giveUp(delivery, error);
            return;
        }
        Instant now = now();
        deliveries.retryLater(delivery, now, now.plus(backoff.delay(failures, ThreadLocalRandom.current().nextDouble())),
                error);
    }

    private void giveUp(WebhookDelivery delivery, String error) {
        if (deliveries.dead(delivery, now(), error)) {
            LOG.warnf("webhook delivery %s (tenant %s, coach %s) dead-lettered after %d attempt(s): %s",
                    delivery.id(), delivery.tenant(), delivery.coachId(), delivery.attempts() + 1, error);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
