namespace OrderPipeline.Stack;

/// Serialises `up`, `down` and node operations on one state folder across processes (an flock on a file
/// beside the folder, so --wipe can delete the folder while holding it).
internal sealed class StackLock : IDisposable
{
    private readonly FileStream _stream;

    private StackLock(FileStream stream) => _stream = stream;

    public static async Task<StackLock> AcquireAsync(string stateDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(stateDirectory).TrimEnd('/');
        Directory.CreateDirectory(Path.GetDirectoryName(full) ?? "/");
        var path = full + ".lock";
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new StackLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(250, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                throw new StackException(StackErrorKind.ServerFailed,
                    $"Another orderpipeline stack command holds {path}; wait for it to finish and retry.", ex);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
