namespace PeeringFunctions.Workflow.Activities;

/// <summary>Reads every page of a Describe action (Tencent caps a page at 100 items).</summary>
internal static class TencentPaging
{
    public const int PageSize = 100;

    public static async Task<List<T>> ReadAllAsync<T>(Func<int, Task<(IEnumerable<T>? Items, long? TotalCount)>> readPage)
    {
        var all = new List<T>();
        while (true)
        {
            var (items, total) = await readPage(all.Count);
            var page = items?.ToList() ?? [];
            all.AddRange(page);
            if (page.Count == 0 || page.Count < PageSize || all.Count >= (total ?? 0))
            {
                return all;
            }
        }
    }
}
