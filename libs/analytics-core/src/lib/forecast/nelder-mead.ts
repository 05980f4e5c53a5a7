/**
 * Minimises `objective` over the unit cube [0, 1]^d by Nelder–Mead, clamping every trial point into
 * the cube. Small and derivative-free: enough for three smoothing parameters.
 */
export function minimiseInUnitCube(objective: (point: number[]) => number, start: number[], iterations = 300): number[] {
  const clamp = (point: number[]) => point.map((x) => Math.min(1, Math.max(0, x)));
  const evaluate = (point: number[]) => ({ point, cost: objective(point) });
  const dimensions = start.length;
  let simplex = [evaluate(clamp(start))];
  for (let d = 0; d < dimensions; d++) {
    const vertex = [...start];
    vertex[d] += vertex[d] > 0.5 ? -0.1 : 0.1;
    simplex.push(evaluate(clamp(vertex)));
  }
  for (let i = 0; i < iterations; i++) {
    simplex.sort((a, b) => a.cost - b.cost);
    const best = simplex[0];
    const worst = simplex[dimensions];
    if (Math.abs(worst.cost - best.cost) <= 1e-12 * (Math.abs(best.cost) + 1e-12)) break;
    const centroid = best.point.map((_, d) => simplex.slice(0, dimensions).reduce((total, vertex) => total + vertex.point[d], 0) / dimensions);
    const along = (factor: number) => evaluate(clamp(centroid.map((c, d) => c + factor * (worst.point[d] - c))));
    const reflected = along(-1);
    if (reflected.cost < best.cost) {
      const expanded = along(-2);
      simplex[dimensions] = expanded.cost < reflected.cost ? expanded : reflected;
    } else if (reflected.cost < simplex[dimensions - 1].cost) {
      simplex[dimensions] = reflected;
    } else {
      const contracted = along(0.5);
      if (contracted.cost < worst.cost) simplex[dimensions] = contracted;
      else simplex = simplex.map((vertex) => evaluate(clamp(vertex.point.map((x, d) => best.point[d] + 0.5 * (x - best.point[d])))));
    }
  }
  simplex.sort((a, b) => a.cost - b.cost);
  return simplex[0].point;
}
