global using Barrier = Parcours.Domain.Pathways.Barrier;
