using Serenity.Server.Hosting;

return await ServerProgram.RunAsync(args, Console.Out, Console.Error);
