//! A string's DUMP payload, built by ldp from its value. A backup reads
//! strings with MGET and builds their payloads here instead of asking the
//! server to DUMP them: DUMP LZF-compresses and checksums every value on the
//! server's one thread, which made a backup of the pipeline's JSON caches
//! cost four times the delete. RESTORE takes this payload as it takes the
//! server's own (the value stored uncompressed, as DUMP itself does for
//! values it cannot shrink).
//!
//! Layout (Redis's `createDumpPayload`): the RDB object type, the value as an
//! RDB string (length-prefixed), the RDB version (2 bytes, little-endian),
//! then CRC-64/Jones of everything before it (8 bytes, little-endian).

use crc::{CRC_64_REDIS, Crc, Table};

/// The RDB version the payload claims. RESTORE accepts any version up to
/// its own; 9 is Redis 5.0's, and the string encoding has not changed since.
pub const RDB_VERSION: u16 = 9;
/// RDB object type 0: a string.
const TYPE_STRING: u8 = 0;
const CRC64: Crc<u64, Table<16>> = Crc::<u64, Table<16>>::new(&CRC_64_REDIS);

/// The DUMP payload of a string holding `value`.
pub fn string_payload(value: &[u8]) -> Vec<u8> {
    string_payload_as(value, RDB_VERSION)
}

/// [`string_payload`] claiming RDB version `version` (a test compares it
/// with the server's own DUMP, which carries the server's version).
pub fn string_payload_as(value: &[u8], version: u16) -> Vec<u8> {
    let mut p = Vec::with_capacity(value.len() + 20);
    p.push(TYPE_STRING);
    push_len(&mut p, value.len() as u64);
    p.extend_from_slice(value);
    p.extend_from_slice(&version.to_le_bytes());
    let crc = CRC64.checksum(&p);
    p.extend_from_slice(&crc.to_le_bytes());
    p
}

/// RDB's length encoding: 6 bits, 14 bits, or a marker byte then 32 or 64
/// bits big-endian.
fn push_len(p: &mut Vec<u8>, n: u64) {
    if n < 1 << 6 {
        p.push(n as u8);
    } else if n < 1 << 14 {
        p.extend_from_slice(&[0x40 | (n >> 8) as u8, n as u8]);
    } else if n <= u64::from(u32::MAX) {
        p.push(0x80);
        p.extend_from_slice(&(n as u32).to_be_bytes());
    } else {
        p.push(0x81);
        p.extend_from_slice(&n.to_be_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checksum_is_redis_crc64() {
        // Redis's own test vector (src/crc64.c): crc64(0, "123456789") = 0xe9c6d914c4b8d9ca.
        assert_eq!(CRC64.checksum(b"123456789"), 0xe9c6d914c4b8d9ca);
    }

    #[test]
    fn lengths_use_each_encoding_at_its_bounds() {
        let head = |n: usize| string_payload(&vec![b'x'; n])[..6].to_vec();
        assert_eq!(head(63)[..2], [0, 63]);
        assert_eq!(head(64)[..3], [0, 0x40, 64]);
        assert_eq!(head(16383)[..3], [0, 0x7f, 0xff]);
        assert_eq!(head(16384)[..6], [0, 0x80, 0, 0, 0x40, 0]);
        let p = string_payload(b"");
        assert_eq!(p.len(), 1 + 1 + 2 + 8);
        assert_eq!(p[2..4], RDB_VERSION.to_le_bytes());
    }
}
