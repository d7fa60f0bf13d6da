using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OrderPipeline.Stack;

/// Finds out whether an address the stack needs is already bound by someone else, and by whom.
public static class PortGuard
{
    /// True when host:port can be bound right now (nothing listens there).
    public static bool IsFree(string host, int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Parse(host), port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// "PID 1234 (java)" for the process listening on host:port when /proc tells, else null.
    public static string? DescribeHolder(string host, int port)
    {
        var inode = ListeningInode(host, port);
        if (inode is null)
        {
            return null;
        }

        var target = $"socket:[{inode}]";
        foreach (var procDir in SafeEnumerate("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(procDir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            foreach (var fd in SafeEnumerate(Path.Combine(procDir, "fd")))
            {
                try
                {
                    if (new FileInfo(fd).LinkTarget == target)
                    {
                        var name = File.ReadAllText(Path.Combine(procDir, "comm")).Trim();
                        return string.Create(CultureInfo.InvariantCulture, $"PID {pid} ({name})");
                    }
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }

        return null;
    }

    private static string? ListeningInode(string host, int port)
    {
        try
        {
            var address = IPAddress.Parse(host).GetAddressBytes();
            // /proc/net/tcp writes the IPv4 address as a little-endian hex word and the port as big-endian hex.
            var local = string.Create(CultureInfo.InvariantCulture,
                $"{address[3]:X2}{address[2]:X2}{address[1]:X2}{address[0]:X2}:{port:X4}");
            var any = string.Create(CultureInfo.InvariantCulture, $"00000000:{port:X4}");
            foreach (var line in File.ReadLines("/proc/net/tcp").Skip(1))
            {
                var cols = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (cols.Length > 9 && cols[3] == "0A" && (cols[1] == local || cols[1] == any))
                {
                    return cols[9];
                }
            }
        }
        catch (IOException)
        {
        }

        return null;
    }

    private static string[] SafeEnumerate(string directory)
    {
        try
        {
            return Directory.GetFileSystemEntries(directory);
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }
}
