package dev.wasmtutorial.pipeline;

import dev.wasmtutorial.config.BinaryData;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32C;

/**
 * Byte entries by name kept between builds in a folder of pack files, the way git keeps objects
 * in packs: one file per build instead of one per entry (creating thousands of small files cost
 * a cold build of 2,000 pages more CPU time in the kernel than rendering them). A build appends
 * what it made to a pack of its own, renamed into place when complete, so a pack is never seen
 * half written; an entry is read with one positional read from the pack that holds its newest
 * copy and checked against the checksum the index keeps for it. When dead copies outweigh the live ones, a complete build writes the entries it used into
 * one pack and deletes the others.
 * <p>
 * Entries carry their own keys (the caller checks them): two builds sharing the folder, an older
 * copy read by mistake or a pack deleted under a reader only cost rendering again. Packs of
 * another format or generator, or damaged, are ignored and deleted at the next compaction, as
 * are packs a dead process left half written (temporary files over an hour old).
 * Thread-safe: pages are rendered in parallel.
 */
final class PackedEntries implements AutoCloseable {

    private static final int TRAILER_MAGIC = 0x57545031; // "WTP1"
    /** Compaction once the packs hold this many times the bytes a build used, or this many packs. */
    private static final int DEAD_RATIO = 2;
    private static final int MAX_PACKS = 8;

    private record Location(Pack pack, long offset, int length, int crc) {
    }

    private record Pack(Path file, FileChannel channel, long size) {
    }

    private final Path dir;
    private final String header;
    private Map<String, Location> index;
    private final List<Pack> packs = new ArrayList<>();
    private final List<Path> unreadable = new ArrayList<>();
    private final Set<String> used = ConcurrentHashMap.newKeySet();
    private final Map<String, Location> written = new ConcurrentHashMap<>();
    private Path pending;
    private DataOutputStream out;
    private long outSize;

    /**
     * @param format names the entries' layout and version; packs with another one, or written
     *               for another {@code generator}, are not read
     */
    PackedEntries(Path dir, String format, String generator) {
        this.dir = dir;
        this.header = "wasm-tutorial pack\0" + format + "\0" + generator;
    }

    /** The newest bytes kept for {@code name}, or null. */
    byte[] get(String name) {
        used.add(name);
        Location at = index().get(name);
        if (at == null) {
            return null;
        }
        try {
            ByteBuffer buffer = ByteBuffer.allocate(at.length());
            while (buffer.hasRemaining()) {
                if (at.pack().channel().read(buffer, at.offset() + buffer.position()) < 0) {
                    return null;
                }
            }
            return crc(buffer.array()) == at.crc() ? buffer.array() : null; // damaged on disk: made again
        } catch (IOException e) {
            return null; // deleted meanwhile: made again
        }
    }

    /** Keeps {@code bytes} as the newest entry for {@code name} (in this build's pack). */
    synchronized void put(String name, byte[] bytes) {
        used.add(name);
        try {
            if (out == null) {
                Files.createDirectories(dir);
                pending = Files.createTempFile(dir, "pack", ".tmp");
                out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(pending), 1 << 16));
                BinaryData.writeString(out, header);
                outSize = out.size();
            }
            written.put(name, new Location(null, outSize, bytes.length, crc(bytes)));
            out.write(bytes);
            outSize += bytes.length;
        } catch (IOException e) {
            abandon(); // only time is lost: the next build makes them again
        }
    }

    /**
     * Ends the build: its pack is put in place. If {@code complete} (every entry the site needs
     * was asked for) and the packs have grown well beyond that, the entries used are compacted
     * into one pack and the rest deleted.
     */
    synchronized void finish(boolean complete) {
        Path finished = closePending();
        try {
            if (complete && index != null && worthCompacting(finished)) {
                compact(finished);
            }
        } finally {
            written.clear();
            used.clear();
            close();
        }
    }

    private boolean worthCompacting(Path finished) {
        long live = 0;
        for (String name : used) {
            Location at = written.containsKey(name) ? written.get(name) : index.get(name);
            live += at == null ? 0 : at.length();
        }
        long total = packs.stream().mapToLong(Pack::size).sum() + size(finished);
        int count = packs.size() + (finished == null ? 0 : 1);
        return !unreadable.isEmpty() || count > MAX_PACKS || count > 1 && total > DEAD_RATIO * live + (1 << 20);
    }

    /** Closes the packs without keeping anything this build wrote but did not finish. */
    @Override
    public synchronized void close() {
        abandon();
        closeChannels();
    }

    private void closeChannels() {
        for (Pack pack : packs) {
            try {
                pack.channel().close();
            } catch (IOException e) {
                // read-only: nothing to lose
            }
        }
        packs.clear();
        unreadable.clear();
        index = null;
    }

    private synchronized Map<String, Location> index() {
        if (index == null) {
            index = new HashMap<>();
            for (Path file : packFiles()) {
                readPack(file);
            }
        }
        return index;
    }

    /** The folder's packs, oldest first (names start with the time they were written). */
    private List<Path> packFiles() {
        TreeMap<String, Path> files = new TreeMap<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "pack-*.bin")) {
                stream.forEach(f -> files.put(f.getFileName().toString(), f));
            } catch (IOException e) {
                return List.of();
            }
        }
        return new ArrayList<>(files.values());
    }

    private void readPack(Path file) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            long size = channel.size();
            ByteBuffer trailer = read(channel, size - 12, 12);
            long indexOffset = trailer.getLong();
            if (trailer.getInt() != TRAILER_MAGIC || indexOffset < 0 || indexOffset > size - 12) {
                throw new IOException("no trailer");
            }
            byte[] head = read(channel, 0, (int) Math.min(size, 4 + 4 * header.length() + 64)).array();
            DataInputStream headIn = new DataInputStream(new ByteArrayInputStream(head));
            if (!header.equals(BinaryData.readString(headIn))) {
                throw new IOException("another format or generator");
            }
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(read(channel, indexOffset, (int) (size - 12 - indexOffset)).array()));
            Pack pack = new Pack(file, channel, size);
            Map<String, Location> entries = new HashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                String name = BinaryData.readString(in);
                long offset = in.readLong();
                int length = in.readInt();
                int crc = in.readInt();
                if (offset < 0 || length < 0 || offset + length > indexOffset) {
                    throw new IOException("entry outside the pack");
                }
                entries.put(name, new Location(pack, offset, length, crc));
            }
            packs.add(pack);
            index.putAll(entries); // newer packs replace older copies
        } catch (IOException | RuntimeException e) {
            unreadable.add(file);
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // nothing was read from it
                }
            }
        }
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        if (position < 0 || length < 0) {
            throw new IOException("bad position");
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("short pack");
            }
        }
        return buffer.flip();
    }

    /** Writes the index and trailer of this build's pack and renames it into place; null if none. */
    private Path closePending() {
        if (out == null) {
            return null;
        }
        try {
            long indexOffset = outSize;
            writeIndex(out, written);
            out.writeLong(indexOffset);
            out.writeInt(TRAILER_MAGIC);
            out.close();
            out = null;
            Path file = dir.resolve(packName());
            Files.move(pending, file, StandardCopyOption.ATOMIC_MOVE);
            pending = null;
            return file;
        } catch (IOException e) {
            abandon();
            return null;
        }
    }

    private static void writeIndex(DataOutputStream out, Map<String, Location> entries) throws IOException {
        out.writeInt(entries.size());
        for (Map.Entry<String, Location> e : entries.entrySet()) {
            BinaryData.writeString(out, e.getKey());
            out.writeLong(e.getValue().offset());
            out.writeInt(e.getValue().length());
            out.writeInt(e.getValue().crc());
        }
    }

    /** Rewrites the entries this build used into one pack; deletes the packs read before. */
    private void compact(Path finished) {
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, "pack", ".tmp");
            Map<String, Location> kept = new HashMap<>();
            try (FileChannel newest = finished == null ? null : FileChannel.open(finished, StandardOpenOption.READ);
                 DataOutputStream packOut = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16))) {
                BinaryData.writeString(packOut, header);
                long offset = packOut.size();
                for (String name : used) {
                    Location at = written.get(name);
                    FileChannel from = newest;
                    if (at == null) {
                        at = index.get(name);
                        from = at == null ? null : at.pack().channel();
                    }
                    if (at == null || from == null) {
                        continue;
                    }
                    copy(from, at.offset(), at.length(), packOut);
                    kept.put(name, new Location(null, offset, at.length(), at.crc()));
                    offset += at.length();
                }
                writeIndex(packOut, kept);
                packOut.writeLong(offset);
                packOut.writeInt(TRAILER_MAGIC);
            }
            Files.move(temp, dir.resolve(packName()), StandardCopyOption.ATOMIC_MOVE);
            temp = null;
            List<Path> old = new ArrayList<>(unreadable);
            old.addAll(abandonedTemporaryFiles());
            packs.forEach(p -> old.add(p.file()));
            if (finished != null) {
                old.add(finished);
            }
            closeChannels();
            for (Path file : old) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // The packs as they were still hold every entry: compacted by a later build.
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a stray temporary file; ignored by readers
                }
            }
        }
    }

    /** Packs being written by a process that died (an hour is far beyond any build): nobody renames them any more. */
    private List<Path> abandonedTemporaryFiles() {
        List<Path> abandoned = new ArrayList<>();
        long before = System.currentTimeMillis() - 3_600_000;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "pack*.tmp")) {
            for (Path file : stream) {
                if (Files.getLastModifiedTime(file).toMillis() < before) {
                    abandoned.add(file);
                }
            }
        } catch (IOException e) {
            // tried again at the next compaction
        }
        return abandoned;
    }

    private static void copy(FileChannel from, long offset, int length, OutputStream to) throws IOException {
        ByteBuffer buffer = read(from, offset, length);
        to.write(buffer.array(), 0, length);
    }

    private static int crc(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    /**
     * A name that sorts after every pack in the folder: the time, or one more than the newest
     * pack's number when that is later (two builds within a millisecond); the random part only
     * keeps two processes from taking the same name.
     */
    private String packName() {
        long number = System.currentTimeMillis();
        List<Path> existing = packFiles();
        if (!existing.isEmpty()) {
            String newest = existing.get(existing.size() - 1).getFileName().toString();
            try {
                number = Math.max(number, Long.parseLong(newest.substring(5, newest.indexOf('-', 5))) + 1);
            } catch (RuntimeException e) {
                // not one of ours: sorted by its name only
            }
        }
        return String.format("pack-%016d-%08x.bin", number, ThreadLocalRandom.current().nextInt());
    }

    private static long size(Path file) {
        try {
            return file == null ? 0 : Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private void abandon() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // being thrown away
            }
            out = null;
        }
        if (pending != null) {
            try {
                Files.deleteIfExists(pending);
            } catch (IOException ignored) {
                // a stray temporary file; ignored by readers
            }
            pending = null;
        }
        written.clear();
    }
}
