//! How documents are kept: compact JSON compressed with LZ4 behind a one-byte
//! format tag, and a content hash that tells an update from a no-op.

use sha2::{Digest, Sha256};

const FORMAT_LZ4_JSON: u8 = 1;

/// Serialises a record and hashes its content.
pub fn serialize<T: serde::Serialize>(value: &T) -> Result<(Vec<u8>, Vec<u8>), serde_json::Error> {
    let json = serde_json::to_vec(value)?;
    let hash = Sha256::digest(&json)[..16].to_vec();
    Ok((json, hash))
}

/// Compresses serialised JSON for storage.
pub fn compress(json: &[u8]) -> Vec<u8> {
    let mut doc = Vec::with_capacity(json.len() / 2 + 8);
    doc.push(FORMAT_LZ4_JSON);
    doc.extend_from_slice(&lz4_flex::compress_prepend_size(json));
    doc
}

/// Serialises and compresses a record: `(stored document, content hash)`.
pub fn encode<T: serde::Serialize>(value: &T) -> Result<(Vec<u8>, Vec<u8>), serde_json::Error> {
    let (json, hash) = serialize(value)?;
    Ok((compress(&json), hash))
}

/// Decodes a stored document.
pub fn decode<T: serde::de::DeserializeOwned>(doc: &[u8]) -> Result<T, String> {
    match doc.split_first() {
        Some((&FORMAT_LZ4_JSON, body)) => {
            let json = lz4_flex::decompress_size_prepended(body).map_err(|e| e.to_string())?;
            serde_json::from_slice(&json).map_err(|e| e.to_string())
        }
        Some((b'{', _)) => serde_json::from_slice(doc).map_err(|e| e.to_string()),
        _ => Err("unknown document format".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_hashes_content() {
        let v = serde_json::json!({"id": "a", "skills": ["Rust"]});
        let (doc, hash) = encode(&v).unwrap();
        assert_eq!(decode::<serde_json::Value>(&doc).unwrap(), v);
        assert_eq!(encode(&v).unwrap().1, hash);
        assert_ne!(encode(&serde_json::json!({"id": "b"})).unwrap().1, hash);
        assert!(decode::<serde_json::Value>(b"\x09junk").is_err());
    }
}
