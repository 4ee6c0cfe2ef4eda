package io.newsflow.schemas.serde;

import java.nio.ByteBuffer;

/** The Confluent wire format: magic byte 0, 4-byte big-endian schema id, then the Avro binary body. */
public final class WireFormat {
  public static final byte MAGIC_BYTE = 0;
  public static final int HEADER_SIZE = 5;

  private WireFormat() {}

  /**
   * Reads the header of {@code data} and returns the schema id; leaves {@code buffer} at the body.
   * @throws UnreadableRecordException ({@code not-wire-format}) when there is no such header
   */
  static int readSchemaId(ByteBuffer buffer, String topic) {
    if (buffer.remaining() < HEADER_SIZE) {
      throw new UnreadableRecordException(UnreadableRecordException.NOT_WIRE_FORMAT, "record on topic " + topic + " is " + buffer.remaining()
          + " bytes, shorter than the 5-byte Confluent wire-format header");
    }
    byte magic = buffer.get();
    if (magic != MAGIC_BYTE) {
      throw new UnreadableRecordException(UnreadableRecordException.NOT_WIRE_FORMAT, String.format(
          "record on topic %s does not start with the Confluent magic byte 0 (found 0x%02x)", topic, magic));
    }
    return buffer.getInt();
  }
}
