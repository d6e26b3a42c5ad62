using System.Net;
using System.Net.Sockets;

namespace RotationAnalytics.Testing;

/// <summary>
/// A loopback TCP forwarder in front of a real server. <see cref="Cut"/> drops every connection and refuses new ones,
/// which is exactly what a client sees when the database host goes away; <see cref="Restore"/> brings it back.
/// </summary>
public sealed class FaultyTcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<TcpClient> _open = [];
    private readonly Task _acceptLoop;
    private volatile bool _cut;

    public FaultyTcpProxy(string host, int port)
    {
        _target = new IPEndPoint(IPAddress.Parse(host), port);
        _listener.Start();
        _acceptLoop = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Cut()
    {
        _cut = true;
        lock (_open)
        {
            foreach (var client in _open)
            {
                client.Client.LingerState = new LingerOption(true, 0); // RST, not a graceful close
                client.Dispose();
            }

            _open.Clear();
        }
    }

    public void Restore() => _cut = false;

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            if (_cut)
            {
                client.Client.LingerState = new LingerOption(true, 0);
                client.Dispose();
                continue;
            }

            _ = PipeAsync(client);
        }
    }

    private async Task PipeAsync(TcpClient client)
    {
        using var upstream = new TcpClient();
        try
        {
            await upstream.ConnectAsync(_target, _stopping.Token);
            lock (_open)
            {
                _open.Add(client);
                _open.Add(upstream);
            }

            var a = client.GetStream().CopyToAsync(upstream.GetStream(), _stopping.Token);
            var b = upstream.GetStream().CopyToAsync(client.GetStream(), _stopping.Token);
            await Task.WhenAny(a, b);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A cut or a closed peer ends the pipe; that is the point of this proxy.
        }
        finally
        {
            lock (_open)
            {
                _open.Remove(client);
                _open.Remove(upstream);
            }

            client.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        Cut();
        await _acceptLoop;
        _stopping.Dispose();
    }
}
