import CLibCrypto

/// HMAC-SHA256 and random bytes through OpenSSL's libcrypto.
public enum HMACSHA256 {
    /// The 32-byte MAC of `message` under `key`.
    /// - SeeAlso: `HMAC`
    public static func mac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        key.withUnsafeBufferPointer { k in
            message.withUnsafeBufferPointer { m in
                // An empty message is a null pointer with length 0, which HMAC takes as no data.
                _ = HMAC(EVP_sha256(), k.baseAddress, Int32(k.count), m.baseAddress, m.count, &out, &length)
            }
        }
        precondition(length == 32, "HMAC-SHA256 returned \(length) bytes")
        return out
    }

    public static func hex(key: [UInt8], message: [UInt8]) -> String {
        Hex.encode(mac(key: key, message: message))
    }
}

public enum SecureRandom {
    /// `count` bytes from the operating system's generator, or nil when it fails.
    /// - SeeAlso: `RAND_bytes`
    public static func bytes(_ count: Int) -> [UInt8]? {
        var out = [UInt8](repeating: 0, count: count)
        let ok = out.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32($0.count)) }
        return ok == 1 ? out : nil
    }
}
