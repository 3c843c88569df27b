export declare const LINUX_SIZES: number[];
export declare function renderIcons(svgFile: string, outDir: string): Promise<string[]>;
