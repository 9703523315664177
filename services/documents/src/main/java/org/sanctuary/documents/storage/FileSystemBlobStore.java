package org.sanctuary.documents.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Blobs as files under one directory: written to a temporary name, moved into place only when complete. */
public final class FileSystemBlobStore implements BlobStore {

    private final Path root;

    public FileSystemBlobStore(Path root) throws IOException {
        this.root = Files.createDirectories(root);
    }

    @Override
    public void write(String key, InputStream content) throws IOException {
        Path target = path(key);
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), ".partial-", "");
        try {
            Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    @Override
    public InputStream read(String key) throws IOException {
        try {
            return Files.newInputStream(path(key));
        } catch (NoSuchFileException e) {
            throw new BlobMissingException(key);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(path(key));
    }

    @Override
    public boolean exists(String key) {
        return Files.exists(path(key));
    }

    /** Keys are generated ({@code tenant/uuid}), never taken from a request; checked anyway. */
    private Path path(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || !key.matches("[a-z0-9-]+/[0-9a-f-]{36}")) {
            throw new IllegalArgumentException("bad blob key");
        }
        return path;
    }
}
