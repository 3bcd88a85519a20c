declare module 'virtual:eea-map' {
  const map: {
    width: number;
    height: number;
    countries: { code: string; path: string; centroid: [number, number]; small: boolean }[];
    surroundings: string;
  };
  export default map;
}
