using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace PeeringFunctions.LocalHost.Durable;

/// <summary>
/// One logging set-up for the local host's inner hosts: single-line console output at <c>minimumLevel</c> (Warning by
/// default, because the sidecar logs every gRPC call at Information), refined by an optional "Logging" section.
/// </summary>
internal static class QuietLogging
{
    public static void Configure(ILoggingBuilder logging, LogLevel minimumLevel, IConfiguration? loggingSection)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(minimumLevel);
        if (loggingSection is not null)
        {
            logging.AddConfiguration(loggingSection);
        }

        if (minimumLevel != LogLevel.None)
        {
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss.fff ";
            });
        }
    }
}
