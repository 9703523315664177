package org.sanctuary.documents.storage;

import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.sanctuary.common.testing.FreePorts;

import java.net.URI;
import java.util.Properties;

/** The S3 adapter against a real S3 API server (s3proxy, in-process, in-memory backend). */
class S3BlobStoreTest extends BlobStoreContract {

    private static S3Proxy proxy;
    private static S3BlobStore store;

    @BeforeAll
    static void startS3() throws Exception {
        int port = FreePorts.belowEphemeralRange();
        proxy = startProxy(port);
        store = new S3BlobStore(S3Clients.create(URI.create("http://127.0.0.1:" + port), "us-east-1", "test-access", "test-secret"),
                "sanctuary-documents");
        S3Clients.ensureBucket(S3Clients.create(URI.create("http://127.0.0.1:" + port), "us-east-1", "test-access", "test-secret"),
                "sanctuary-documents");
    }

    static S3Proxy startProxy(int port) throws Exception {
        BlobStoreContext context = ContextBuilder.newBuilder("transient").overrides(new Properties()).build(BlobStoreContext.class);
        S3Proxy s3 = S3Proxy.builder().blobStore(context.getBlobStore()).endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "test-access", "test-secret").build();
        s3.start();
        while (!AbstractLifeCycle.STARTED.equals(s3.getState())) {
            Thread.sleep(10);
        }
        return s3;
    }

    @AfterAll
    static void stopS3() throws Exception {
        proxy.stop();
    }

    @Override
    BlobStore store() {
        return store;
    }
}
