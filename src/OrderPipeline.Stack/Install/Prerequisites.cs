namespace OrderPipeline.Stack.Install;

/// Finds java and npm, and says how to install them when they are missing.
public static class Prerequisites
{
    public const string JavaInstallHint = "sudo apt-get install openjdk-17-jre-headless";
    public const string NpmInstallHint = "sudo apt-get install npm";

    public static string Java() =>
        Java(Environment.GetEnvironmentVariable("JAVA_HOME"), Environment.GetEnvironmentVariable("PATH"));

    /// java from JAVA_HOME, else from the PATH; throws a <see cref="StackException"/> saying how to install it.
    public static string Java(string? javaHome, string? path)
    {
        if (!string.IsNullOrWhiteSpace(javaHome))
        {
            var candidate = Path.Combine(javaHome, "bin", "java");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return OnPath("java", path) ?? throw new StackException(StackErrorKind.Prerequisite,
            "Java 17 is required to run Kafka and Cassandra but 'java' is not on PATH. Install it with: " + JavaInstallHint);
    }

    public static string Npm() => Npm(Environment.GetEnvironmentVariable("PATH"));

    public static string Npm(string? path) => OnPath("npm", path) ?? throw new StackException(StackErrorKind.Prerequisite,
        "npm is required once to download the Kafka and Cassandra distributions but 'npm' is not on PATH. Install it with: "
        + NpmInstallHint);

    public static string? OnPath(string name, string? path) => (path ?? "")
        .Split(':', StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, name))
        .FirstOrDefault(File.Exists);
}
