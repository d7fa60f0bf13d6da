namespace OrderPipeline.TestSupport.Stack;

/// Cassandra's well-known default superuser, created by PasswordAuthenticator on a fresh cluster. Test code
/// only: the product never carries credentials.
public static class DefaultSuperuser
{
    public const string Name = "cassandra";
    public const string Password = "cassandra";

    /// Cassandra 2.1 creates the superuser about 10 s after the node starts; until then logins fail.
    public static readonly TimeSpan SetupDelay = TimeSpan.FromSeconds(10);
}
