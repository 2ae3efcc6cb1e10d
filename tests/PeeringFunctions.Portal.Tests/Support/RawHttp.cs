using System.Net.Sockets;
using System.Text;

namespace PeeringFunctions.Portal.Tests.Support;

/// <summary>
/// HTTP/1.1 by hand over a socket, for what HttpClient will not do: send part of a body and then hold the rest back,
/// and see what the server answers meanwhile.
/// </summary>
public static class RawHttp
{
    /// <summary>
    /// Sends the request line and headers, then <paramref name="body"/> — as chunks when <paramref name="chunked"/>
    /// (Transfer-Encoding: chunked, no Content-Length, no last chunk), else under a Content-Length of
    /// <paramref name="declaredLength"/> — and never the rest. Returns the status the server answered with while the
    /// body was still held back, or null when it said nothing within <paramref name="wait"/>.
    /// </summary>
    public static async Task<int?> SendAndHoldBackAsync(
        Uri baseUrl, string method, string pathAndQuery, IEnumerable<(string Name, string Value)> headers, byte[] body,
        TimeSpan wait, bool chunked = true, long declaredLength = 0)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(baseUrl.Host, baseUrl.Port);
        var stream = tcp.GetStream();

        var head = new StringBuilder($"{method} {pathAndQuery} HTTP/1.1\r\nHost: {baseUrl.Authority}\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append(chunked ? "Transfer-Encoding: chunked\r\n" : $"Content-Length: {declaredLength}\r\n").Append("\r\n");

        // Written in the background: a server that stops reading may leave the socket full, and the answer is what counts.
        using var stop = new CancellationTokenSource();
        var writing = Task.Run(async () =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), stop.Token);
            const int ChunkSize = 16 * 1024;
            for (var offset = 0; offset < body.Length; offset += ChunkSize)
            {
                var part = body.AsMemory(offset, Math.Min(ChunkSize, body.Length - offset));
                if (chunked)
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes($"{part.Length:X}\r\n"), stop.Token);
                    await stream.WriteAsync(part, stop.Token);
                    await stream.WriteAsync("\r\n"u8.ToArray(), stop.Token);
                }
                else
                {
                    await stream.WriteAsync(part, stop.Token);
                }
            }

            await stream.FlushAsync(stop.Token);
        });

        try
        {
            using var timeout = new CancellationTokenSource(wait);
            var received = new StringBuilder();
            var buffer = new byte[4096];
            while (!received.ToString().Contains("\r\n", StringComparison.Ordinal))
            {
                var read = await stream.ReadAsync(buffer, timeout.Token);
                if (read == 0)
                {
                    return null;
                }

                received.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }

            // "HTTP/1.1 413 Payload Too Large"
            return int.Parse(received.ToString().Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
        finally
        {
            await stop.CancelAsync();
            tcp.Close();
            try
            {
                await writing;
            }
            catch (Exception error) when (error is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
            {
                // The socket is closed under the writer on purpose.
            }
        }
    }
}
