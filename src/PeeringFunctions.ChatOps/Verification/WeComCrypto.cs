using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace PeeringFunctions.ChatOps.Verification;

/// <summary>
/// WeCom's callback crypto (WXBizMsgCrypt): msg_signature = SHA1 hex of the lexicographically sorted concatenation
/// of token, timestamp, nonce and ciphertext; ciphertext = Base64(AES-256-CBC(random16 ‖ len(msg) big-endian ‖ msg ‖
/// receiveId)) with key = Base64Decode(EncodingAESKey + "="), IV = the key's first 16 bytes, PKCS#7 padding to 32.
/// </summary>
public sealed class WeComCrypto
{
    private const int RandomLength = 16;
    private const int PadBlock = 32;
    private readonly string token;
    private readonly byte[] key;
    private readonly string receiveId;

    public WeComCrypto(string token, string encodingAesKey, string receiveId)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        ArgumentException.ThrowIfNullOrEmpty(receiveId);
        key = KeyOf(encodingAesKey) ?? throw new ArgumentException("The EncodingAESKey must be 43 base64 characters.", nameof(encodingAesKey));
        this.token = token;
        this.receiveId = receiveId;
    }

    /// <summary>The AES key, or null when the EncodingAESKey is not 43 characters of base64 for 32 bytes.</summary>
    public static byte[]? KeyOf(string? encodingAesKey)
    {
        if (encodingAesKey is not { Length: 43 })
        {
            return null;
        }

        var buffer = new byte[33];
        return Convert.TryFromBase64String(encodingAesKey + "=", buffer, out var written) && written == 32 ? buffer[..32] : null;
    }

    public static string Signature(string token, string timestamp, string nonce, string encrypted)
    {
        string[] parts = [token, timestamp, nonce, encrypted];
        Array.Sort(parts, StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))));
    }

    public string Sign(string timestamp, string nonce, string encrypted) => Signature(token, timestamp, nonce, encrypted);

    /// <summary>Constant-time check of a presented msg_signature.</summary>
    public bool SignatureMatches(string msgSignature, string timestamp, string nonce, string encrypted)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(timestamp, nonce, encrypted));
        var presented = Encoding.ASCII.GetBytes(msgSignature.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, presented);
    }

    /// <summary>The message inside <paramref name="encrypted"/>, or null when it does not decrypt to a message for our receive id.</summary>
    public string? Decrypt(string encrypted)
    {
        byte[] cipher;
        try
        {
            cipher = Convert.FromBase64String(encrypted);
        }
        catch (FormatException)
        {
            return null;
        }

        if (cipher.Length == 0 || cipher.Length % 16 != 0)
        {
            return null;
        }

        byte[] plain;
        using (var aes = Aes.Create())
        {
            aes.Key = key;
            plain = aes.DecryptCbc(cipher, key.AsSpan(0, 16), PaddingMode.None);
        }

        int pad = plain[^1];
        if (pad is < 1 or > PadBlock || pad > plain.Length)
        {
            return null;
        }

        var content = plain.AsSpan(0, plain.Length - pad);
        if (content.Length < RandomLength + 4)
        {
            return null;
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(content.Slice(RandomLength, 4));
        var start = RandomLength + 4;
        if (length > (uint)(content.Length - start))
        {
            return null;
        }

        var message = content.Slice(start, (int)length);
        var receiver = content[(start + (int)length)..];
        if (!receiver.SequenceEqual(Encoding.UTF8.GetBytes(receiveId)))
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(message);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    public string Encrypt(string message)
    {
        var body = Encoding.UTF8.GetBytes(message);
        var id = Encoding.UTF8.GetBytes(receiveId);
        var length = RandomLength + 4 + body.Length + id.Length;
        var pad = PadBlock - (length % PadBlock);
        var plain = new byte[length + pad];
        RandomNumberGenerator.Fill(plain.AsSpan(0, RandomLength));
        BinaryPrimitives.WriteUInt32BigEndian(plain.AsSpan(RandomLength, 4), (uint)body.Length);
        body.CopyTo(plain, RandomLength + 4);
        id.CopyTo(plain, RandomLength + 4 + body.Length);
        plain.AsSpan(length).Fill((byte)pad);
        using var aes = Aes.Create();
        aes.Key = key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, key.AsSpan(0, 16), PaddingMode.None));
    }

    public override string ToString() => "WeCom crypto";
}
