namespace PeeringFunctions.TencentAccess.Paging;

/// <summary>
/// The one loop that reads every page of a Describe action (Tencent caps a page at <see cref="PageSize"/> items):
/// the activities, the portal's reads and the acceptance poller all page through it.
/// </summary>
public static class TencentPaging
{
    public const int PageSize = 100;

    /// <summary>
    /// Calls <paramref name="readPage"/> with the offset of the next page (the number of items read so far) until a
    /// page is short or empty, the total Tencent reports is reached, or <paramref name="maxPages"/> pages were read.
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
            if (page.Count < PageSize || all.Count >= (total ?? 0))
            {
                break;
            }
        }

        return all;
    }
}
