using PeeringFunctions.TencentAccess.Paging;

namespace PeeringFunctions.TencentAccess.Tests.Paging;

public sealed class TencentPagingTests
{
    [Fact]
    public async Task It_reads_until_an_empty_page_when_the_total_outruns_the_listing_and_asks_for_each_at_the_count_read_so_far()
    {
        var listing = Enumerable.Range(0, 250).ToList();
        var offsets = new List<int>();

        // A total larger than the listing (items deleted while paging): the empty page ends it.
        var all = await TencentPaging.ReadAllAsync(offset => PageOf(listing, offset, offsets, total: 1_000));

        Assert.Equal(listing, all);
        Assert.Equal([0, 100, 200, 250], offsets);
    }

    [Fact]
    public async Task Pages_shorter_than_asked_for_do_not_end_the_reading_while_the_total_is_not_reached()
    {
        var listing = Enumerable.Range(0, 120).ToList();
        var offsets = new List<int>();

        // Tencent answers at most 50 a page although 100 were asked for.
        var all = await TencentPaging.ReadAllAsync(offset => PageOf(listing, offset, offsets, total: 120, pageCap: 50));

        Assert.Equal(listing, all);
        Assert.Equal([0, 50, 100], offsets);
    }

    [Fact]
    public async Task It_stops_when_the_reported_total_is_reached_without_asking_for_an_empty_page()
    {
        var listing = Enumerable.Range(0, 200).ToList();
        var offsets = new List<int>();

        var all = await TencentPaging.ReadAllAsync(offset => PageOf(listing, offset, offsets, total: 200));

        Assert.Equal(200, all.Count);
        Assert.Equal([0, 100], offsets);
    }

    [Fact]
    public async Task An_empty_or_missing_first_page_is_one_call_and_an_empty_list()
    {
        var calls = 0;

        var all = await TencentPaging.ReadAllAsync<string>(_ =>
        {
            calls++;
            return Task.FromResult<(IEnumerable<string>?, long?)>((null, null));
        });

        Assert.Empty(all);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task It_returns_what_it_has_read_when_the_page_cap_is_reached()
    {
        var listing = Enumerable.Range(0, 1_000).ToList();
        var offsets = new List<int>();

        var all = await TencentPaging.ReadAllAsync(offset => PageOf(listing, offset, offsets, total: 1_000), maxPages: 3);

        Assert.Equal(300, all.Count);
        Assert.Equal([0, 100, 200], offsets);
    }

    private static Task<(IEnumerable<int>? Items, long? TotalCount)> PageOf(
        List<int> listing, int offset, List<int> offsets, long total, int pageCap = TencentPaging.PageSize)
    {
        offsets.Add(offset);
        var page = listing.Skip(offset).Take(Math.Min(TencentPaging.PageSize, pageCap)).ToArray();
        return Task.FromResult<(IEnumerable<int>?, long?)>((page, total));
    }
}
