package com.liftguard.notifications.messaging;

import com.liftguard.notifications.config.WebhooksConfig;
import com.liftguard.notifications.domain.WebhookDelivery;
import com.liftguard.notifications.service.WebhookDeliveries;
import com.liftguard.notifications.wire.WebhookSigner;
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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Sends due webhook deliveries: claims up to a batch of them ({@link WebhookDeliveries}), POSTs them
 * concurrently (one slow receiver does not hold up the others' coaches), and hands each outcome back to be
 * recorded, retried or dead-lettered.
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

    @Inject
    WebhooksConfig config;

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    Clock clock;

    @Inject
    Vertx vertx;

    private ExecutorService senders;
    private HttpClient http;

    @PostConstruct
    void start() {
        senders = Executors.newVirtualThreadPerTaskExecutor();
        http = vertx.createHttpClient(
                new HttpClientOptions()
                        .setConnectTimeout((int) config.timeout().toMillis())
                        .setVerifyHost(true)
                        .setForceSni(true),
                new PoolOptions().setHttp1MaxSize(config.batchSize()));
    }

    @PreDestroy
    void stop() {
        senders.shutdownNow();
        http.close();
    }

    @Scheduled(
            identity = "webhook-dispatcher",
            every = "${liftguard.webhooks.dispatch-interval:PT1S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatch() {
        // a full batch suggests a backlog: go on with the next one rather than wait for the next tick
        while (dispatchBatch() == config.batchSize() && !Thread.currentThread().isInterrupted()) {
            LOG.debug("a full batch of webhook deliveries was due; dispatching the next one");
        }
    }

    /** Claims and sends up to a batch of due deliveries; returns how many were claimed. */
    int dispatchBatch() {
        List<WebhookDelivery> claimed = deliveries.claimDue();
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
        Optional<WebhookDeliveries.Target> target = deliveries.target(delivery);
        if (target.isEmpty()) {
            return; // given up, or put off until the name resolves
        }
        try {
            int status = post(delivery, target.get());
            if (status / 100 == 2) {
                deliveries.delivered(delivery);
            } else {
                deliveries.failed(delivery, "HTTP " + status);
            }
        } catch (TimeoutException e) {
            deliveries.failed(delivery, "no answer within " + config.timeout());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TimeoutException) { // the request's timeout (Vert.x's is one too)
                deliveries.failed(delivery, "no answer within " + config.timeout());
            } else {
                deliveries.failed(
                        delivery,
                        cause.getMessage() == null
                                ? cause.getClass().getSimpleName()
                                : cause.getClass().getSimpleName() + ": " + cause.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * POSTs the delivery to the target's address (the one the guard vetted) with the URL's host, port, path and
     * query in the request; the status code. The answer's body is read and dropped.
     */
    private int post(WebhookDelivery delivery, WebhookDeliveries.Target target)
            throws InterruptedException, ExecutionException, TimeoutException {
        String signature =
                WebhookSigner.signature(target.secret(), clock.instant().getEpochSecond(), delivery.body());
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
                .setServer(
                        SocketAddress.inetSocketAddress(port, target.address().getHostAddress()))
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
                    response.handler(ignored -> {});
                    return response.end().map(done -> response.statusCode());
                })
                .toCompletionStage()
                .toCompletableFuture()
                .get(config.timeout().multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS);
    }
}
