using System.Globalization;
using System.Text;
using OrderPipeline.Orders.DeadLetters;
using OrderPipeline.Orders.Generation;

namespace OrderPipeline.Consumer.Tests.Integration;

[Trait("Category", "Integration")]
public class ConsumerEndToEndTests
{
    private static readonly string Sample = TestServers.RepoFile("data", "olist_orders_sample.csv");

    [Fact]
    public async Task Should_StoreTheSample_And_VerifyPasses()
    {
        // Given the bundled sample in a fresh topic
        var run = await PipelineRun.CreateAsync("e2e");
        var produced = await run.ProduceAsync(Sample);

        // When the consumer runs until idle
        var (code, output) = await run.ConsumeUntilIdleAsync();

        // Then it stored every order and verify finds exactly the valid orders of the file
        Assert.True(code == 0, output);
        Assert.Contains($"stored {produced.Delivered:N0}", Flat(output), StringComparison.Ordinal);
        var (verifyCode, verifyOutput) = await run.VerifyAsync(Sample);
        Assert.True(verifyCode == 0, verifyOutput);
        Assert.Contains("Verified", verifyOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_DeadLetterPoisonMessages_And_StoreTheRest()
    {
        // Given valid orders with poison messages of each kind interleaved
        var run = await PipelineRun.CreateAsync("poison");
        var key = PipelineRun.Utf8("9ef432eb6251297304e76186b10a928d_e481f51cbdc54678b7cc49136f2d6af7");
        (byte[]? Key, byte[]? Value)[] poison =
        [
            (key, PipelineRun.Utf8("this is not json")),
            (key, PipelineRun.Utf8("{\"order_id\":\"e481f51cbdc54678b7cc49136f2d6af7\",\"customer_id\":")),
            (key, PipelineRun.Utf8("{\"order_id\":42,\"customer_id\":\"9ef432eb6251297304e76186b10a928d\",\"order_status\":\"delivered\",\"order_purchase_timestamp\":\"2017-10-02 10:56:33\",\"order_approved_at\":null,\"order_delivered_carrier_date\":null,\"order_delivered_customer_date\":null,\"order_estimated_delivery_date\":null}")),
            (key, PipelineRun.Utf8("{\"order_id\":\"e481f51cbdc54678b7cc49136f2d6af7\",\"customer_id\":\"9ef432eb6251297304e76186b10a928d\",\"order_status\":\"teleported\",\"order_purchase_timestamp\":\"2017-10-02 10:56:33\",\"order_approved_at\":null,\"order_delivered_carrier_date\":null,\"order_delivered_customer_date\":null,\"order_estimated_delivery_date\":null}")),
            (key, PipelineRun.Utf8("{\"order_id\":\"not-hex\",\"customer_id\":\"9ef432eb6251297304e76186b10a928d\",\"order_status\":\"delivered\",\"order_purchase_timestamp\":\"2017-10-02 10:56:33\",\"order_approved_at\":null,\"order_delivered_carrier_date\":null,\"order_delivered_customer_date\":null,\"order_estimated_delivery_date\":null}")),
            (key, PipelineRun.Utf8("{\"order_id\":\"e481f51cbdc54678b7cc49136f2d6af7\",\"customer_id\":\"9ef432eb6251297304e76186b10a928d\",\"order_status\":\"delivered\",\"order_purchase_timestamp\":\"2017-02-30 10:56:33\",\"order_approved_at\":null,\"order_delivered_carrier_date\":null,\"order_delivered_customer_date\":null,\"order_estimated_delivery_date\":null}")),
            (key, [0xff, 0xfe, 0x00, 0x01]),
            (null, null),
        ];
        await run.SendRawAsync(poison[..4]);
        var produced = await run.ProduceAsync(Sample);
        await run.SendRawAsync(poison[4..]);

        // When the consumer runs until idle
        var (code, output) = await run.ConsumeUntilIdleAsync();

        // Then every poison message is in the dead-letter topic with its original bytes and a reason
        Assert.True(code == 0, output);
        Assert.Contains($"stored {produced.Delivered:N0}, dead-lettered {poison.Length}", Flat(output), StringComparison.Ordinal);
        var letters = await run.ReadDeadLettersAsync(poison.Length, TimeSpan.FromSeconds(30));
        Assert.Equal(poison.Length, letters.Count);
        var envelopes = letters.Select(l => DeadLetterEnvelope.Parse(l.Message.Value)!).ToList();
        Assert.All(envelopes, e => Assert.False(string.IsNullOrEmpty(e.Reason)));
        foreach (var (_, value) in poison)
        {
            Assert.Contains(envelopes, e => value is null ? e.OriginalValue() is null : e.OriginalValue()?.SequenceEqual(value) == true);
        }

        Assert.Contains(envelopes, e => e.Reason == "NotJson");
        Assert.Contains(envelopes, e => e.Reason == "UnknownStatus");
        Assert.Contains(envelopes, e => e.Reason == "BadOrderId");

        // And the valid orders are all stored
        var (verifyCode, verifyOutput) = await run.VerifyAsync(Sample);
        Assert.True(verifyCode == 0, verifyOutput);
    }

    [Fact]
    public async Task Should_StoreEveryOrderExactlyOnce_When_ConsumerKilledAndRestarted()
    {
        // Given 20,000 orders in the topic
        var run = await PipelineRun.CreateAsync("sigkill");
        var csv = await GenerateCsvAsync(20_000, seed: 7);
        var produced = await run.ProduceAsync(csv);

        // When a consumer is killed with SIGKILL while it is storing
        var output = new StringBuilder();
        using (var first = TestServers.StartCli(run.ConsumeArgs("--max-in-flight", "32", "--verbose"), output))
        {
            await WaitForAsync(() => StoredSoFar(TestServers.Snapshot(output)) >= 1_000, TimeSpan.FromMinutes(2), output);
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        // (it really died mid-run: some orders stored, not all, and no clean shutdown summary)
        var firstOutput = TestServers.Snapshot(output);
        Assert.InRange(StoredSoFar(firstOutput), 1_000, produced.Delivered - 1);
        Assert.DoesNotContain("Consumed ", firstOutput, StringComparison.Ordinal);

        // And a new consumer of the same group runs until idle
        var (code, second) = await run.ConsumeUntilIdleAsync(8);

        // Then every order is stored exactly once with the right fields
        Assert.True(code == 0, second);
        var (verifyCode, verifyOutput) = await run.VerifyAsync(csv);
        Assert.True(verifyCode == 0, verifyOutput);
        File.Delete(csv);
    }

    [Fact]
    public async Task Should_SplitPartitions_When_TwoConsumersShareTheGroup()
    {
        // Given 30,000 orders in a 3-partition topic
        var run = await PipelineRun.CreateAsync("twins");
        var csv = await GenerateCsvAsync(30_000, seed: 11);
        await run.ProduceAsync(csv);

        // When two consumers of the same group run at once, slowed to one write at a time so that the first to join
        // cannot drain a partition before the rebalance hands it to the second (at 8 in flight it once did)
        var outA = new StringBuilder();
        var outB = new StringBuilder();
        using var a = TestServers.StartCli(run.ConsumeArgs("--until-idle", "8", "--max-in-flight", "1"), outA);
        using var b = TestServers.StartCli(run.ConsumeArgs("--until-idle", "8", "--max-in-flight", "1"), outB);
        var codeA = await TestServers.WaitAsync(a, TimeSpan.FromMinutes(5), outA);
        var codeB = await TestServers.WaitAsync(b, TimeSpan.FromMinutes(5), outB);

        // Then both stored a share and together they stored everything exactly once
        Assert.True(codeA == 0, TestServers.Snapshot(outA));
        Assert.True(codeB == 0, TestServers.Snapshot(outB));
        Assert.True(FinalStored(TestServers.Snapshot(outA)) > 0, TestServers.Snapshot(outA));
        Assert.True(FinalStored(TestServers.Snapshot(outB)) > 0, TestServers.Snapshot(outB));
        var (verifyCode, verifyOutput) = await run.VerifyAsync(csv);
        Assert.True(verifyCode == 0, verifyOutput);
        File.Delete(csv);
    }

    private static async Task<string> GenerateCsvAsync(int rows, int seed)
    {
        var path = Path.Combine(Path.GetTempPath(), $"consumer-it-{Guid.NewGuid():N}.csv");
        var (code, output) = await TestServers.RunCliAsync(
            ["generate", "--rows", rows.ToString(CultureInfo.InvariantCulture), "--seed", seed.ToString(CultureInfo.InvariantCulture), "--out", path],
            TimeSpan.FromMinutes(2));
        Assert.True(code == 0, output);
        return path;
    }

    /// <summary>Orders the --verbose output reports as stored so far.</summary>
    private static long StoredSoFar(string output)
    {
        long count = 0;
        var at = 0;
        while ((at = output.IndexOf("Inserted into Cassandra:", at, StringComparison.Ordinal)) >= 0)
        {
            count++;
            at++;
        }

        return count;
    }

    /// <summary>The "stored N" figure of the final summary line.</summary>
    private static long FinalStored(string output)
    {
        output = Flat(output);
        var at = output.LastIndexOf(" s: stored ", StringComparison.Ordinal);
        Assert.True(at >= 0, output);
        var digits = new string(output[(at + 11)..].TakeWhile(c => char.IsAsciiDigit(c) || c == ',').Where(char.IsAsciiDigit).ToArray());
        return long.Parse(digits, CultureInfo.InvariantCulture);
    }

    /// <summary>Undoes the console's word wrapping (redirected output is 80 columns wide).</summary>
    private static string Flat(string output) => output.Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout, StringBuilder output)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"condition not met in {timeout}; output:\n{TestServers.Snapshot(output)}");
            await Task.Delay(100);
        }
    }
}
