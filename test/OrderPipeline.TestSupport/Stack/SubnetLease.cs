using System.Globalization;

namespace OrderPipeline.TestSupport.Stack;

/// An exclusive claim on a loopback /24 (127.0.N) for one isolated stack, held as an flock on
/// /tmp/orderpipeline-subnets/127.0.N.lock. Parallel test assemblies pick different subnets; a crashed
/// test process releases its claim automatically (the kernel drops the lock).
public sealed class SubnetLease : IDisposable
{
    private static readonly string LockDirectory = Path.Combine(Path.GetTempPath(), "orderpipeline-subnets");
    private readonly FileStream _lock;

    private SubnetLease(string subnet, FileStream lockStream)
    {
        Subnet = subnet;
        _lock = lockStream;
    }

    public string Subnet { get; }

    /// The third octet of the subnet.
    public int Octet => int.Parse(Subnet.Split('.')[2], CultureInfo.InvariantCulture);

    /// Claims the first free subnet 127.0.first .. 127.0.last, skipping <paramref name="exclude"/>.
    public static SubnetLease Acquire(int first, int last, IReadOnlySet<int>? exclude = null)
    {
        Directory.CreateDirectory(LockDirectory);
        for (var octet = first; octet <= last; octet++)
        {
            if (exclude?.Contains(octet) == true)
            {
                continue;
            }

            var subnet = string.Create(CultureInfo.InvariantCulture, $"127.0.{octet}");
            try
            {
                var stream = new FileStream(Path.Combine(LockDirectory, subnet + ".lock"), FileMode.OpenOrCreate,
                    FileAccess.ReadWrite, FileShare.None);
                return new SubnetLease(subnet, stream);
            }
            catch (IOException)
            {
                // Held by another test process; try the next subnet.
            }
        }

        throw new InvalidOperationException(
            $"All loopback subnets 127.0.{first}..127.0.{last} are claimed by other test processes (locks in {LockDirectory}).");
    }

    public void Dispose() => _lock.Dispose();
}
