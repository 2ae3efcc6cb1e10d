namespace PeeringFunctions.TencentAccess.Paging;

/// <summary>
/// The one loop that reads every page of a Describe action (we ask for <see cref="PageSize"/> items a page): the
/// activities, the portal's reads and the acceptance poller all page through it. Tencent may answer with fewer items
/// than asked (the legacy API capped DescribeVpcPeeringConnections at 50; API 3.0 documents no maximum), so a short
/// page is not the end: the reported TotalCount is.
/// </summary>
public static class TencentPaging
{
    public const int PageSize = 100;

    /// <summary>
    /// Calls <paramref name="readPage"/> with the offset of the next page (the number of items read so far) until the
    /// total Tencent reports is reached, a page is empty (items deleted while paging; no total reported), or
    /// <paramref name="maxPages"/> pages were read.
    /// </summary>
    /// <param name="readPage">Reads one page of at most <see cref="PageSize"/> items at the given offset; it is the
    /// only place a call is made, so a caller that counts calls counts them there.</param>
    /// <param name="maxPages">A safety cap: past it, what was read so far is returned.</param>
    public static async Task<List<T>> ReadAllAsync<T>(
        Func<int, Task<(IEnumerable<T>? Items, long? TotalCount)>> readPage, int maxPages = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(readPage);
        var all = new List<T>();
        for (var pages = 0; pages < maxPages; pages++)
        {
            var (items, total) = await readPage(all.Count).ConfigureAwait(false);
            var page = items?.ToList() ?? [];
            all.AddRange(page);
            if (page.Count == 0 || all.Count >= (total ?? long.MaxValue))
            {
                break;
            }
        }

        return all;
    }
}
