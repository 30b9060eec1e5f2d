/** A municipality the signed-in editor writes for: the ones it may join or leave a coalition for. */
export type OwnMunicipality = { code: string; name: string };
