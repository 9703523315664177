package org.sanctuary.documents.storage;

import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FileSystemBlobStoreTest extends BlobStoreContract {

    @TempDir
    static Path root;

    private static FileSystemBlobStore store;

    @Override
    BlobStore store() {
        try {
            if (store == null) {
                store = new FileSystemBlobStore(root);
            }
            return store;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @org.junit.jupiter.api.AfterAll
    static void noPartialFilesRemain() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            assertEquals(0, files.filter(p -> p.getFileName().toString().startsWith(".partial-")).count());
        }
    }
}
