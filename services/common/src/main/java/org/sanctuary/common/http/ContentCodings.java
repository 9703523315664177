package org.sanctuary.common.http;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;

/**
 * Responses are compressed with gzip or not at all. Netty's compressor answers {@code Accept-Encoding: *} (as Node's
 * fetch sends it) with snappy, and would pick br or zstd when their libraries are present: codings that browsers and
 * common HTTP clients do not decode. So, before the compressor reads it, each request's {@code Accept-Encoding} is
 * narrowed to {@code gzip} when the client accepts gzip (by name or by {@code *}), and removed otherwise (identity).
 */
@Singleton
public class ContentCodings implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    static final String HANDLER = "sanctuary-content-codings";

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        NettyServerCustomizer.Registry registry = event.getBean();
        registry.register(new Customizer(null));
        return registry;
    }

    /** Whether a client sending these {@code Accept-Encoding} values accepts gzip (RFC 9110 §12.5.3). */
    static boolean acceptsGzip(List<String> acceptEncoding) {
        Float gzip = null;
        Float any = null;
        for (String header : acceptEncoding) {
            for (String element : header.split(",")) {
                String[] parts = element.trim().split(";");
                String coding = parts[0].trim().toLowerCase(Locale.ROOT);
                float q = 1f;
                for (int i = 1; i < parts.length; i++) {
                    String parameter = parts[i].trim();
                    if (parameter.startsWith("q=") || parameter.startsWith("Q=")) {
                        try {
                            q = Float.parseFloat(parameter.substring(2).trim());
                        } catch (NumberFormatException e) {
                            q = 0f;
                        }
                    }
                }
                if (coding.equals("gzip") || coding.equals("x-gzip")) {
                    gzip = q;
                } else if (coding.equals("*")) {
                    any = q;
                }
            }
        }
        return gzip != null ? gzip > 0 : any != null && any > 0;
    }

    private record Customizer(Channel channel) implements NettyServerCustomizer {

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new Customizer(channel) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel != null && channel.pipeline().get(HANDLER) == null
                    && channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null) {
                channel.pipeline().addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, HANDLER, Narrowing.INSTANCE);
            }
        }
    }

    @ChannelHandler.Sharable
    static final class Narrowing extends ChannelInboundHandlerAdapter {

        static final Narrowing INSTANCE = new Narrowing();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            if (message instanceof HttpRequest request) {
                List<String> values = request.headers().getAll(HttpHeaderNames.ACCEPT_ENCODING);
                if (!values.isEmpty()) {
                    request.headers().remove(HttpHeaderNames.ACCEPT_ENCODING);
                    if (acceptsGzip(values)) {
                        request.headers().set(HttpHeaderNames.ACCEPT_ENCODING, "gzip");
                    }
                }
            }
            ctx.fireChannelRead(message);
        }
    }
}
