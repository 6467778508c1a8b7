using Serenity.Cmd;

using var stop = new CancellationTokenSource();
ConsoleCancel.Install(stop);
return await Pbm.RunAsync(args, PbmIo.FromConsole(), stop.Token);
