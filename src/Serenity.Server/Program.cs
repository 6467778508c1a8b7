Console.WriteLine("Serenity server: under construction");
