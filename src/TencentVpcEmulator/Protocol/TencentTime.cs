namespace TencentVpcEmulator.Protocol;

/// <summary>Tencent prints times as "yyyy-MM-dd HH:mm:ss" without a zone; we use Beijing time (UTC+8) like the console.</summary>
internal static class TencentTime
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static string Format(DateTimeOffset instant) =>
        instant.ToOffset(Beijing).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}
