using System.Net;
using System.Net.Sockets;
using OrderPipeline.Stack;
using OrderPipeline.Stack.Processes;

namespace OrderPipeline.Stack.Tests.Unit;

public sealed class ProcessTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("op-stack-proc-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Should_RunInItsOwnSessionWithOutputInTheLog_When_StartedDetached()
    {
        // Given a detached child that prints and then sleeps
        var log = Path.Combine(_dir, "child.log");
        var pid = DetachedProcess.Start("/bin/sh", ["-c", "echo started-$$; exec sleep 30"], _dir, log);
        var ticks = ProcessTable.StartTicks(pid);
        Assert.NotNull(ticks);
        try
        {
            // Then it runs, leads its own session, and writes to the log file, not to our stdout
            Assert.True(ProcessTable.IsAlive(pid, ticks.Value));
            var stat = await File.ReadAllTextAsync($"/proc/{pid}/stat");
            var session = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[3];
            Assert.Equal(pid.ToString(System.Globalization.CultureInfo.InvariantCulture), session);
            await WaitForAsync(() => File.Exists(log) && File.ReadAllText(log).Contains($"started-{pid}", StringComparison.Ordinal));
            Assert.False(ProcessTable.IsAlive(pid, ticks.Value + 1));
        }
        finally
        {
            // When killed, it is reaped and no longer looks alive
            ProcessTable.Send(pid, Signal.Kill);
            await WaitForAsync(() => !ProcessTable.IsAlive(pid, ticks.Value));
        }
    }

    [Fact]
    public void Should_NameTheHolder_When_AddressIsTaken()
    {
        var listener = new TcpListener(IPAddress.Parse("127.0.19.250"), 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;

            Assert.False(PortGuard.IsFree("127.0.19.250", port));
            Assert.Contains($"PID {Environment.ProcessId}", PortGuard.DescribeHolder("127.0.19.250", port), StringComparison.Ordinal);
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public void Should_ReportFree_When_NothingListens()
    {
        var listener = new TcpListener(IPAddress.Parse("127.0.19.251"), 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        Assert.True(PortGuard.IsFree("127.0.19.251", port));
        Assert.Null(PortGuard.DescribeHolder("127.0.19.251", port));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition());
    }
}
