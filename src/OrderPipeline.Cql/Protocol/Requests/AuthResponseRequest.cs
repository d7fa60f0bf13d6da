using System.Text;

namespace OrderPipeline.Cql.Protocol.Requests;

/// <summary>AUTH_RESPONSE: one [bytes] SASL token.</summary>
internal sealed class AuthResponseRequest(byte[]? token) : IRequest
{
    public byte[]? Token { get; } = token;

    public Opcode Opcode => Opcode.AuthResponse;

    /// <summary>The SASL PLAIN initial response PasswordAuthenticator expects: NUL user NUL password.</summary>
    public static AuthResponseRequest PlainText(string user, string password)
    {
        var userBytes = Encoding.UTF8.GetByteCount(user);
        var token = new byte[2 + userBytes + Encoding.UTF8.GetByteCount(password)];
        Encoding.UTF8.GetBytes(user, token.AsSpan(1));
        Encoding.UTF8.GetBytes(password, token.AsSpan(2 + userBytes));
        return new AuthResponseRequest(token);
    }

    public void WriteBody(FrameBuffer buffer, byte protocolVersion)
    {
        if (Token is null)
        {
            buffer.WriteNullBytes();
        }
        else
        {
            buffer.WriteBytes(Token);
        }
    }
}
